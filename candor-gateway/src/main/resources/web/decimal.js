// Exact decimal arithmetic for prices, quantities and balances: strings in, BigInt minor units inside. A Number is
// used only to size bars on screen, never for an amount that is shown or sent.
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

// Minor units of a decimal string with at most `scale` decimals; throws an Error with a message for the user.
export function toUnits(text, scale) {
  const match = DECIMAL.exec(String(text).trim());
  if (!match) throw new Error('Enter a number such as 0.5, with a dot for decimals.');
  const fraction = (match[2] || '').replace(/0+$/, '');
  if (fraction.length > scale) throw new Error('At most ' + scale + ' decimals.');
  return BigInt(match[1]) * 10n ** BigInt(scale) + BigInt((fraction + '0'.repeat(scale)).slice(0, scale) || '0');
}

export function fromUnits(units, scale) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
  return (negative ? '-' : '') + whole + fraction;
}

// "0.01000000" -> "0.01": for display of steps and sizes.
export function trim(text) {
  if (text == null) return '';
  return String(text).includes('.') ? String(text).replace(/0+$/, '').replace(/\.$/, '') : String(text);
}

// The share of `part` in `total` (both BigInt minor units of one asset), in percent with two decimals, for bars.
export function shareOf(part, total) {
  if (total <= 0n) return 0;
  return Number((part * 10000n) / total) / 100;
}

export function ceilDiv(a, b) {
  return (a + b - 1n) / b;
}
