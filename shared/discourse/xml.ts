/**
 * Text for the XML the network writers produce (GraphML, GEXF). Every value a researcher typed
 * (actor names, targets, document titles) goes through here, so no value can break the markup:
 * the five special characters are escaped, and characters XML 1.0 cannot hold at all (control
 * characters other than tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF)
 * are removed, since no escape for them exists in XML 1.0 and a parser must reject the file.
 * In attributes, tab, line feed and carriage return are written as character references, which
 * survive a parser's attribute-value normalisation (it turns literal ones into spaces); in element
 * text a carriage return is one too, which survives end-of-line normalisation.
 */

// eslint-disable-next-line no-control-regex -- control characters are what XML 1.0 cannot hold
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu
const TEXT_SPECIAL = /[&<>\r]/g
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/g
const REFERENCE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

/** The string without the characters XML 1.0 cannot hold. */
export function xmlCharacters(s: string): string {
  return s.replace(NOT_XML, '')
}

/** A string as element text. */
export function xmlText(s: string): string {
  return xmlCharacters(s).replace(TEXT_SPECIAL, (c) => REFERENCE[c]!)
}

/** A string as the value of an attribute written in double quotes. */
export function xmlAttribute(s: string): string {
  return xmlCharacters(s).replace(ATTRIBUTE_SPECIAL, (c) => REFERENCE[c]!)
}

/** A number as XML Schema's integer or double writes it (1, 0.25, 1e-7). */
export function xmlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`${n} cannot be written as an XML number`)
  return String(n)
}
