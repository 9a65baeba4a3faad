// The page's only "framework": build an element with attributes and children.
type Child = Node | string | number | null | undefined | false;
type Children = Child | Children[];

/** `h("a", { href: "#/prize" }, "Prize")`. Attributes are set as attributes; arrays of children are flattened, and null, undefined and false skipped. */
export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Record<string, string | undefined> = {},
  ...children: Children[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

function append(parent: HTMLElement, children: Children): void {
  if (Array.isArray(children)) for (const child of children) append(parent, child);
  else if (children !== null && children !== undefined && children !== false) {
    parent.append(children instanceof Node ? children : String(children));
  }
}
