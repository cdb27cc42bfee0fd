// Wagtail's page chooser limited to the edited page's locale (pages/choosers.py): the modal
// gets ?chooser_locale=<language>, which the construct_page_chooser_queryset hook applies.
// The subclass is made on first use: the form's media may list page-chooser.js after this file.
let LocalePageChooserClass;
window.LocalePageChooser = function LocalePageChooser(id, opts) {
  if (!LocalePageChooserClass) {
    LocalePageChooserClass = class extends window.PageChooser {
      getModalOptions() {
        const options = super.getModalOptions();
        if (this.opts.chooserLocale) {
          options.linkedFieldFilters = { chooser_locale: this.opts.chooserLocale };
        }
        // Nothing chosen yet: open at the section of the locale.
        if (!options.parentId && this.opts.sectionId) options.parentId = this.opts.sectionId;
        return options;
      }
    };
  }
  return new LocalePageChooserClass(id, opts);
};

// Several pages (LocalePagesChooser): a list of hidden inputs, filled from the chooser modal
// in its multiple-choice mode.
function initLocalePagesChooser(root) {
  if (root.dataset.ready) return;
  root.dataset.ready = 'true';
  const list = root.querySelector('[data-chosen-pages]');
  const template = root.querySelector('template');
  const chosen = (id) =>
    Array.from(list.querySelectorAll('input')).some((input) => input.value === String(id));

  // Hidden inputs fire no events: tell Wagtail's unsaved-changes check and autosave.
  const changed = () => root.dispatchEvent(new Event('change', { bubbles: true }));

  root.addEventListener('click', (event) => {
    const remove = event.target.closest('[data-remove]');
    if (remove) {
      remove.closest('li').remove();
      changed();
    }
  });
  root.querySelector('[data-choose]').addEventListener('click', () => {
    const modal = new window.PageChooserModal(root.dataset.chooserUrl);
    const options = {
      modelNames: JSON.parse(root.dataset.modelNames),
      multiple: true,
      linkedFieldFilters: { chooser_locale: root.dataset.chooserLocale },
    };
    if (root.dataset.parentId) options.parentId = root.dataset.parentId;
    modal.open(options, (result) => {
      for (const page of [].concat(result)) {
        if (!chosen(page.id)) {
          const item = template.content.firstElementChild.cloneNode(true);
          item.querySelector('input').value = page.id;
          item.querySelector('[data-label]').textContent = page.adminTitle;
          list.append(item);
        }
      }
      changed();
    });
  });
}

function initLocalePagesChoosers() {
  document.querySelectorAll('[data-locale-pages-chooser]').forEach(initLocalePagesChooser);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', initLocalePagesChoosers);
} else {
  initLocalePagesChoosers();
}
