// Modal dialogs keep the keyboard inside them. showModal() makes the page behind inert, but browsers still let Tab
// leave the last control of the dialog for their own toolbar (or for nothing, in a headless one); here Tab from the last
// control goes to the first, and Shift+Tab from the first to the last, as the WAI-ARIA modal dialog pattern asks.
const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab') return;
  const dialog = [...document.querySelectorAll('dialog[open]')].find((open) => open.matches(':modal'));
  if (!dialog) return;
  const controls = [...dialog.querySelectorAll(FOCUSABLE)]
    .filter((control) => !control.disabled && control.getClientRects().length > 0);
  if (controls.length === 0) return;
  const first = controls[0];
  const last = controls[controls.length - 1];
  const inside = dialog.contains(document.activeElement);
  if (event.shiftKey && (!inside || document.activeElement === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
    event.preventDefault();
    first.focus();
  }
});
