// The check digits that separate a real account number from any long number a customer might type.

/** Luhn (ISO/IEC 7812) over a string of digits: every payment card number passes it. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * ISO 7064 mod 97-10 as IBANs use it: country and check digits moved to the end, letters read as 10–35.
 * Folded chunk by chunk so no big integers are needed. A valid IBAN leaves remainder 1.
 */
export function ibanRemainder(compactUpper: string): number {
  const rearranged = compactUpper.slice(4) + compactUpper.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else if (code >= 65 && code <= 90) {
      remainder = (remainder * 100 + (code - 55)) % 97;
    } else {
      return -1;
    }
  }
  return remainder;
}
