/** Icons: an `svg.svg-icon.lucide-<name>` built with DOM calls; the fake draws no paths. */
const SVG_NS = "http://www.w3.org/2000/svg";
const customIcons = new Set<string>();

export function getIcon(iconId: string): SVGSVGElement | null {
  const svg = document.createElementNS(SVG_NS, "svg");
  const name = iconId.replace(/^lucide-/, "");
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("width", "24");
  svg.setAttribute("height", "24");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", `svg-icon lucide-${name}`);
  return svg;
}

export function setIcon(parent: HTMLElement, iconId: string): void {
  for (const old of Array.from(parent.children)) if (old.classList.contains("svg-icon")) old.remove();
  const svg = getIcon(iconId);
  if (svg) parent.appendChild(svg);
}

export function addIcon(iconId: string, _svgContent: string): void {
  customIcons.add(iconId);
}

export function removeIcon(iconId: string): void {
  customIcons.delete(iconId);
}

export function getIconIds(): string[] {
  return [...customIcons];
}
