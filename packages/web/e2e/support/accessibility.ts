import type { Page } from 'playwright-core';

/**
 * The form controls and buttons on the page that a screen reader could not name: no aria-label, no
 * aria-labelledby, no associated <label>, no title and no text. Answers a short description of each.
 */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (el: Element): boolean => {
      if (el.getAttribute('aria-label')?.trim()) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by?.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      if ((el as HTMLInputElement).labels?.length)
        return [...(el as HTMLInputElement).labels!].some((l) => l.textContent?.trim());
      if (el.getAttribute('title')?.trim()) return true;
      return Boolean(el.textContent?.trim()) && el.tagName !== 'INPUT';
    };
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const box = (el as HTMLElement).getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
    };
    const controls = document.querySelectorAll(
      'input:not([type=hidden]), textarea, select, button, [role=button], [role=checkbox], [role=combobox], a[href]',
    );
    return [...controls]
      .filter((el) => visible(el) && !el.closest('[aria-hidden=true]') && !named(el))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`,
      );
  });
}
