/**
 * Helpers that act on the document text the way a person does: find where a phrase is drawn,
 * drag the mouse across it, or click before it and extend the selection with Shift+arrows.
 */
import type { Page } from '@playwright/test'

export interface PhraseBox {
  startX: number
  startY: number
  endX: number
  endY: number
}

/** Screen coordinates of the first and last character of `phrase` in the editor. */
export async function locatePhrase(page: Page, phrase: string): Promise<PhraseBox> {
  const box = await page.evaluate((wanted) => {
    const root = document.querySelector('.ProseMirror')
    if (!root) return null
    for (const para of Array.from(root.children)) {
      const nodes: Text[] = []
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
      const flat = nodes.map((n) => n.data).join('')
      const at = flat.indexOf(wanted)
      if (at < 0) continue
      const locate = (offset: number, preferEnd: boolean): [Text, number] => {
        let seen = 0
        for (const n of nodes) {
          if (offset < seen + n.data.length || (preferEnd && offset === seen + n.data.length)) return [n, offset - seen]
          seen += n.data.length
        }
        const last = nodes[nodes.length - 1]!
        return [last, last.data.length]
      }
      para.scrollIntoView({ block: 'center' })
      const range = document.createRange()
      const [sn, so] = locate(at, false)
      const [en, eo] = locate(at + wanted.length, true)
      range.setStart(sn, so)
      range.setEnd(en, eo)
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0)
      const first = rects[0]!
      const last = rects[rects.length - 1]!
      return { startX: first.left + 1, startY: first.top + first.height / 2, endX: last.right - 1, endY: last.top + last.height / 2 }
    }
    return null
  }, phrase)
  if (!box) throw new Error(`"${phrase}" is not shown in the document`)
  return box
}

/** Select `phrase` by dragging the mouse across it. */
export async function dragSelect(page: Page, phrase: string): Promise<void> {
  const box = await locatePhrase(page, phrase)
  await page.mouse.move(box.startX - 0.5, box.startY)
  await page.mouse.down()
  await page.mouse.move((box.startX + box.endX) / 2, (box.startY + box.endY) / 2, { steps: 4 })
  await page.mouse.move(box.endX + 0.5, box.endY, { steps: 4 })
  await page.mouse.up()
}

/** Select `phrase` with the keyboard: click just before it, then Shift+ArrowRight over it. */
export async function keyboardSelect(page: Page, phrase: string): Promise<void> {
  const box = await locatePhrase(page, phrase)
  await page.mouse.click(box.startX - 0.5, box.startY)
  for (const _ of Array.from(phrase)) await page.keyboard.press('Shift+ArrowRight')
}

/** The text the browser has selected. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '')
}
