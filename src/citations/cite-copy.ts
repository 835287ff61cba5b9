// Shows the citation copy buttons where the clipboard can be written; without script they stay hidden.
const COPY_LABEL = "Copy";
// Long enough to read, short enough that the button is ready again when the reader returns to it.
const COPY_RESET_MS = 4000;

const copyButtons = [...document.querySelectorAll<HTMLButtonElement>("button[data-copy]")];
const copyStatus = document.querySelector<HTMLElement>("[data-cite-status]");
let resetTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows the outcome on the button and announces it, then makes every button "Copy" again. */
function reportCopy(button: HTMLButtonElement, label: string, message: string): void {
  for (const other of copyButtons) other.textContent = COPY_LABEL;
  button.textContent = label;
  if (copyStatus) copyStatus.textContent = message;
  clearTimeout(resetTimer);
  resetTimer = setTimeout(() => {
    button.textContent = COPY_LABEL;
    if (copyStatus) copyStatus.textContent = "";
  }, COPY_RESET_MS);
}

if (navigator.clipboard) {
  for (const button of copyButtons) {
    const source = document.getElementById(button.dataset.copy ?? "");
    if (!source) continue;
    const style = button.dataset.style ?? "";
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(source.textContent?.trim() ?? "").then(
        () => reportCopy(button, "Copied", `${style} citation copied to the clipboard.`),
        () =>
          reportCopy(
            button,
            "Copy failed: select the text",
            `The ${style} citation could not be copied; select its text instead.`,
          ),
      );
    });
  }
}
