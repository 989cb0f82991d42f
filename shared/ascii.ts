/**
 * Text folded to ASCII for the identifiers Marginalia makes from names (document ids, tag set
 * ids): accents dropped ("Évidence" → "Evidence") and the Latin letters that do not decompose
 * written as they are spelled without them ("Grüße" → "Grusse", "Øresund" → "Oresund",
 * "Łódź" → "Lodz"). Other scripts are left as they are; the callers drop what is not ASCII.
 */

/** Latin letters with no decomposition, and their usual ASCII spelling. */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŋ: 'ng',
  Ŋ: 'NG',
}

const UNDECOMPOSED = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'gu')

/** `s` with accents removed and undecomposable Latin letters spelled in ASCII (see above). */
export function foldToAscii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(UNDECOMPOSED, (c) => SPELLED[c]!)
}
