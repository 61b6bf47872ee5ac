// A throttled sign-in: the button stays disabled, with a countdown, until the console accepts attempts again.
import { seam } from './faults.js';

const form = document.querySelector('form[data-retry-after]');
const button = form.querySelector('button[type="submit"]');
const alert = document.querySelector('[role="alert"]');
// Retry-After is in seconds; the page's clock in milliseconds.
const retryAfterMs = seam('login.retryAfterMs', (seconds) => seconds * 1000);
const until = Date.now() + retryAfterMs(Number(form.dataset.retryAfter));

// The wait as the alert words it: seconds under a minute, then whole minutes rounded up (never shorter than it is).
const describeWait = seam('login.describeWait', (seconds) => {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
});

function tick() {
  const left = Math.ceil((until - Date.now()) / 1000);
  if (left > 0) {
    button.disabled = true;
    alert.textContent = `Too many sign-in attempts for this account. Try again in ${describeWait(left)}.`;
    setTimeout(tick, 250);
  } else {
    button.disabled = false;
    alert.textContent = 'You can try to sign in again now.';
  }
}
tick();
