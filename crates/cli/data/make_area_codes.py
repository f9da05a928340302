"""Writes area_codes_de.tsv: German fixed-network area codes and their place.

Source: the geocoding data of Google's libphonenumber as shipped in the PyPI
package `phonenumbers` (Apache License 2.0). Run from a folder where the
package's wheel is unpacked:

    pip download --no-deps phonenumbers==9.0.43
    unzip phonenumbers-9.0.43-py2.py3-none-any.whl -d whl
    python3 make_area_codes.py whl > area_codes_de.tsv
"""
import sys

sys.path.insert(0, sys.argv[1])
from phonenumbers import __version__  # noqa: E402
from phonenumbers.geodata import GEOCODE_DATA  # noqa: E402

print("# dialognetz-area-codes 1")
print(
    "# German area codes (national form) and their place, from libphonenumber's"
    f" geocoding data (PyPI phonenumbers {__version__}), Apache License 2.0,"
    " Copyright (C) 2011-2026 The Libphonenumber Authors"
)
for prefix in sorted(GEOCODE_DATA):
    if not prefix.startswith("49"):
        continue
    names = GEOCODE_DATA[prefix]
    name = names.get("de") or names.get("en")
    if name:
        print(f"0{prefix[2:]}\t{name}")
