// Shows the citation copy buttons where the clipboard can be written; without script they stay hidden.
if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy ?? "");
    if (!source) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(source.textContent?.trim() ?? "").then(
        () => (button.textContent = "Copied"),
        () => (button.textContent = "Copy failed: select the text"),
      );
    });
  }
}
