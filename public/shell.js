// The app shell painted before the WebAssembly arrives: on a slow line the
// module takes seconds, and until then a person sees the header and the
// search field in their language instead of a blank page. It may type right
// away; the app takes the typed words over as its query when it starts
// (src/main.rs removes this shell first). Plain script, run synchronously at
// the end of <body>, so the first paint is already in the right language and
// direction. The texts equal the app's (src/i18n.rs); an end-to-end test
// compares them in all four languages.
(() => {
  const TEXTS = {
    de: ['Kontakte und Dialogforen von Polizei und muslimischen Gemeinden', 'Hauptnavigation', 'Suche', 'Favoriten', 'Über & Einstellungen', 'Sprache', 'Kontakte, Foren und Veranstaltungen finden', 'Suche nach Name, Ort, Thema oder Telefonnummer', 'z. B. Moschee Dresden, kripo, 24103', 'Tippen genügt: Umlaute, Tippfehler und Wortteile werden gefunden.'],
    en: ['Contacts and dialogue forums of police and Muslim communities', 'Main navigation', 'Search', 'Favourites', 'About & settings', 'Language', 'Find contacts, forums and events', 'Search by name, place, topic or phone number', 'e.g. Moschee Dresden, kripo, 24103', 'Just type: umlauts, typos and parts of words are found.'],
    tr: ['Polis ve Müslüman cemaatlerin iletişim bilgileri ve diyalog forumları', 'Ana menü', 'Arama', 'Favoriler', 'Hakkında ve ayarlar', 'Dil', 'İletişim kişileri, forumlar ve etkinlikler bulun', 'Ad, yer, konu veya telefon numarasına göre arayın', 'ör. Moschee Dresden, kripo, 24103', 'Yazmanız yeterli: umlautlar, yazım hataları ve kelime parçaları bulunur.'],
    ar: ['جهات الاتصال ومنتديات الحوار بين الشرطة والجاليات المسلمة', 'التنقل الرئيسي', 'بحث', 'المفضلة', 'حول التطبيق والإعدادات', 'اللغة', 'ابحث عن جهات الاتصال والمنتديات والفعاليات', 'ابحث بالاسم أو المكان أو الموضوع أو رقم الهاتف', 'مثلاً Moschee Dresden أو kripo أو 24103', 'اكتب فقط: يتم العثور على الأحرف الألمانية الخاصة والأخطاء الإملائية وأجزاء الكلمات.'],
  };
  const KEY = 'dialognetz.lang';
  const shell = document.getElementById('app-shell');
  if (!shell) return;

  const primary = (tag) => String(tag).split(/[-_]/)[0].toLowerCase();
  const remembered = () => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  };
  // The same rule as the app: the remembered choice, the browser's
  // languages, German.
  const initial = () =>
    [remembered(), ...(navigator.languages ?? [])].map((t) => t && primary(t)).find((t) => t in TEXTS) ?? 'de';

  const show = (lang) => {
    const t = TEXTS[lang];
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    for (const el of shell.querySelectorAll('[data-text]')) el.textContent = t[Number(el.dataset.text)];
    for (const el of shell.querySelectorAll('[data-label]')) el.setAttribute('aria-label', t[Number(el.dataset.label)]);
    for (const el of shell.querySelectorAll('[data-placeholder]')) el.placeholder = t[Number(el.dataset.placeholder)];
    for (const b of shell.querySelectorAll('.language-switch button')) b.setAttribute('aria-pressed', String(b.lang === lang));
  };

  show(initial());
  for (const b of shell.querySelectorAll('.language-switch button')) {
    b.addEventListener('click', () => {
      try {
        localStorage.setItem(KEY, b.lang);
      } catch {
        // Storage blocked: the choice lasts until the app starts.
      }
      show(b.lang);
    });
  }
  // The current page marked in the navigation, as the app marks it.
  for (const a of shell.querySelectorAll('.main-nav a')) {
    const href = a.getAttribute('href');
    const here = href === '/' ? location.pathname === '/' : location.pathname.startsWith(href);
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // Only the start page is a search; elsewhere the shell is just the header.
  if (location.pathname !== '/') shell.querySelector('main')?.setAttribute('hidden', '');
  shell.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
  shell.classList.add('ready');
})();
