/** Reading the plugin's DOM in hostile-vault tests: problems in the panel, and elements note text could have made. */

/** The panel's "Vault problems" entries: the linked path and the words after it. */
export function panelProblems(panel: HTMLElement): Array<{ path: string; message: string; linkText: string }> {
  return Array.from(panel.querySelectorAll(".attack-vault-problems li"), (item) => {
    const link = item.querySelector("a.internal-link");
    const linkText = link?.textContent ?? "";
    return { path: link?.getAttribute("data-href") ?? "", message: (item.textContent ?? "").slice(linkText.length).trim(), linkText };
  });
}

/** The elements our blocks and panel are built from; anything else came from somewhere else. */
const OUR_TAGS = new Set(["DIV", "SPAN", "UL", "LI", "A", "BUTTON", "INPUT", "SELECT", "OPTION", "LABEL", "DETAILS", "SUMMARY"]);

/**
 * What inside `root` could only have come from note text: an element we never create, an event
 * handler attribute, or a link with an href other than its vault path (ours carry none). Empty when all is text.
 */
export function foreignMarkup(root: Element): string[] {
  const found: string[] = [];
  for (const element of Array.from(root.querySelectorAll("*"))) {
    if (!OUR_TAGS.has(element.tagName)) found.push(`<${element.tagName.toLowerCase()}>`);
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName.toLowerCase()}[${attribute.name}]`);
    }
    const href = element.getAttribute("href");
    if (element.tagName === "A" && href !== null && href !== element.getAttribute("data-href")) {
      found.push(`a[href=${element.getAttribute("href") ?? ""}]`);
    }
  }
  return found;
}

/** Links whose href a browser would run as script. */
export function scriptLinks(root: Element): string[] {
  return Array.from(root.querySelectorAll("a[href]"), (link) => link.getAttribute("href") ?? "").filter(
    (href) => new URL(href, "app://obsidian.md/").protocol === "javascript:",
  );
}

/** Opens every folded part of the panel (sub-technique lists, ATT&CK sections), so all its rows are drawn. */
export function unfoldPanel(panel: HTMLElement): void {
  panel.querySelectorAll<HTMLElement>('.attack-vault-subs-toggle[aria-expanded="false"]').forEach((toggle) => toggle.click());
  panel.querySelectorAll("details").forEach((details) => {
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
  });
}
