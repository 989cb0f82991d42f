// @vitest-environment jsdom
/**
 * Hostile guidelines: whatever someone puts in guidelines.md, the HTML the app shows runs nothing,
 * loads nothing and links only to http(s), mailto or anchors. Checked on the parsed result, not on
 * strings, so an attribute cannot hide in odd quoting.
 */
import { describe, expect, it } from 'vitest'
import { markdownToSafeHtml, sanitizeHtml } from './safe-html'

function parsed(markdown: string): HTMLElement {
  const box = document.createElement('div')
  box.innerHTML = markdownToSafeHtml(markdown)
  return box
}

/** Every element, attribute and URL of the result, for assertions that nothing active survived. */
function inventory(box: HTMLElement) {
  const elements = [...box.querySelectorAll('*')]
  return {
    tags: new Set(elements.map((e) => e.tagName.toLowerCase())),
    attributes: elements.flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`)),
    hrefs: elements.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')!),
  }
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<img src="https://tracker.example/pixel.png" alt="pixel">',
  '![remote](https://tracker.example/logo.png)',
  '![data](data:image/png;base64,iVBORw0KGgo=)',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '<a href="java&#x09;script:alert(1)">tab</a>',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '<a href="https://ok.example" onclick="alert(1)" onmouseover="alert(2)">hover</a>',
  '<div onmouseover="alert(1)" style="position:fixed;inset:0">overlay</div>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
  '<svg onload="alert(1)"><script>alert(2)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<style>@import url(https://evil.example/x.css); body{display:none}</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<form action="https://evil.example"><input name="q"><button formaction="https://evil.example">go</button></form>',
  '<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video><audio src="https://evil.example/a.mp3"></audio>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<p id="guidelines" name="body">clobber</p>',
  '<details open ontoggle="alert(1)"><summary>x</summary></details>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<a href="//evil.example/x">protocol-relative</a>',
  '<a href="other.md">relative file</a>',
]

describe('guidelines.md rendered as sanitised HTML', () => {
  it('keeps Markdown formatting: headings, emphasis, lists, tables, code, quotes and safe links', () => {
    const box = parsed(
      '# Guidelines\n\n## Claim\nA *checkable* **statement**.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`\n\n> quoted\n\n[manual](https://example.org/manual) and [mail](mailto:lead@example.org) and [below](#claim)',
    )
    const { tags, hrefs } = inventory(box)
    for (const t of ['h1', 'h2', 'em', 'strong', 'ul', 'li', 'table', 'code', 'blockquote', 'a']) expect(tags).toContain(t)
    expect(hrefs).toEqual(['https://example.org/manual', 'mailto:lead@example.org', '#claim'])
    const outside = box.querySelector('a[href^="https:"]')!
    expect(outside.getAttribute('target')).toBe('_blank')
    expect(outside.getAttribute('rel')).toBe('noopener noreferrer')
    expect(box.querySelector('a[href="#claim"]')!.hasAttribute('target')).toBe(false)
  })

  for (const hostile of HOSTILE) {
    it(`defuses ${JSON.stringify(hostile).slice(0, 70)}`, () => {
      const box = parsed(`Before.\n\n${hostile}\n\nAfter.`)
      const { tags, attributes, hrefs } = inventory(box)
      for (const t of [
        'script',
        'img',
        'iframe',
        'object',
        'embed',
        'svg',
        'math',
        'style',
        'link',
        'form',
        'input',
        'button',
        'video',
        'audio',
        'base',
        'meta',
        'template',
      ])
        expect(tags).not.toContain(t)
      for (const a of attributes) {
        expect(a).not.toMatch(/^on/i)
        expect(a).not.toMatch(/^(style|src|srcset|poster|action|formaction|id|name)=/i)
      }
      for (const h of hrefs) expect(h).toMatch(/^(https?:|mailto:|#)/i)
      // Text after a tag left open (an unclosed <style>) may be swallowed by it; elsewhere it survives.
      if (!/<(math|style|noscript)/.test(hostile)) expect(box.textContent).toContain('After.')
    })
  }

  it('shows an image as its alternative text and loads nothing', () => {
    const box = parsed('![Figure 1: a claim](https://tracker.example/logo.png)')
    expect(box.querySelector('img')).toBeNull()
    expect(box.textContent?.trim()).toBe('[image: Figure 1: a claim]')
    // An <img> tag written into the Markdown shows its alternative text the same way.
    const tag = parsed('See <img src="https://tracker.example/pixel.png" alt="the coding tree"> here.')
    expect(tag.querySelector('img')).toBeNull()
    expect(tag.textContent?.trim()).toBe('See [image: the coding tree] here.')
  })

  it('sanitises HTML the same way when given HTML directly', () => {
    expect(sanitizeHtml('<p onclick="x()">a</p><script>b</script>')).toBe('<p>a</p>')
  })
})
