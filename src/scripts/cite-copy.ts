// Shows the citation copy buttons where the clipboard can be written; without script they stay hidden.
const COPY = "Copy";
// Long enough to read, short enough that the button is ready again when the reader returns to it.
const RESET_AFTER_MS = 4000;

const buttons = [...document.querySelectorAll<HTMLButtonElement>("button[data-copy]")];
const status = document.querySelector<HTMLElement>("[data-cite-status]");
let reset: ReturnType<typeof setTimeout> | undefined;

/** Shows the outcome on the button and announces it, then makes every button "Copy" again. */
function report(button: HTMLButtonElement, label: string, message: string): void {
  for (const other of buttons) other.textContent = COPY;
  button.textContent = label;
  if (status) status.textContent = message;
  clearTimeout(reset);
  reset = setTimeout(() => {
    button.textContent = COPY;
    if (status) status.textContent = "";
  }, RESET_AFTER_MS);
}

if (navigator.clipboard) {
  for (const button of buttons) {
    const source = document.getElementById(button.dataset.copy ?? "");
    if (!source) continue;
    const style = button.dataset.style ?? "";
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(source.textContent?.trim() ?? "").then(
        () => report(button, "Copied", `${style} citation copied to the clipboard.`),
        () =>
          report(
            button,
            "Copy failed: select the text",
            `The ${style} citation could not be copied; select its text instead.`,
          ),
      );
    });
  }
}
