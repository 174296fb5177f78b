/** Starts a surface in the `#app` element of the page shell (sidebar/common/shell.html). */
export function mount(start: (root: HTMLElement) => unknown): void {
  const root = document.getElementById("app");
  if (root) void start(root);
}
