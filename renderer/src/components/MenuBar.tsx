/**
 * The page's menu bar (browser mode; the desktop app draws the same items as its native menu), on
 * the WAI-ARIA menubar pattern: Tab reaches it (or F10), Left/Right move between menus,
 * Down/Enter/Space open one, Up/Down/Home/End move in it, Right/Left open and close a submenu,
 * Enter or Space chooses, Escape closes, a letter jumps to the next item starting with it.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { acceleratorText, ariaKeyShortcut, type MenuItemModel, type MenuModel } from '../../../shared/menu'
import { onMac, runCommand } from '../state/controllers/app-commands'
import { menuModel } from '../state/model/menu-model'
import { useSession, useSessionState } from '../state/react/use-session'

const ITEM = '[role=menuitem], [role=menuitemradio]'

/** Items of a menu element (not of its submenus). */
function itemsOf(menu: Element | null): HTMLElement[] {
  if (!menu) return []
  return Array.from(menu.querySelectorAll<HTMLElement>(ITEM)).filter((el) => el.closest('[role=menu]') === menu)
}

function focusAt(menu: Element | null, at: 'first' | 'last' | number) {
  const items = itemsOf(menu)
  if (items.length === 0) return
  const i = at === 'first' ? 0 : at === 'last' ? items.length - 1 : (at + items.length) % items.length
  items[i]!.focus()
}

/** The menu bar: Project, Edit, View, Help. */
export function MenuBar() {
  const session = useSession()
  const json = useSessionState((s) => JSON.stringify(menuModel(session.appCommands, s)))
  const model = useMemo(() => JSON.parse(json) as MenuModel, [json])
  const isMac = onMac()
  const [open, setOpen] = useState<number | null>(null)
  /** Which menu the bar's Tab stop is on. */
  const [current, setCurrent] = useState(0)
  /** Where to put the keyboard when the open menu appears. */
  const focusTo = useRef<'first' | 'last' | null>(null)
  const bar = useRef<HTMLDivElement>(null)
  /** What had the keyboard before the menu bar (the text, say): a chosen command gives it back. */
  const cameFrom = useRef<HTMLElement | null>(null)
  const baseId = useId()

  // A click elsewhere closes the open menu.
  useEffect(() => {
    if (open === null) return
    const onDown = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null)
    }
    document.addEventListener('pointerdown', onDown, true)
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [open])

  // F10 puts the keyboard in the menu bar, as in a desktop window.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F10' || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) return
      e.preventDefault()
      bar.current?.querySelector<HTMLElement>('[role=menubar] > [role=none] > [role=menuitem][tabindex="0"]')?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    if (open === null || focusTo.current === null) return
    focusAt(document.getElementById(`${baseId}-menu-${open}`), focusTo.current)
    focusTo.current = null
  }, [open, baseId])
  const openMenu = (i: number, at: 'first' | 'last' | null) => {
    if (open === i && at) return focusAt(document.getElementById(`${baseId}-menu-${i}`), at)
    focusTo.current = at
    setOpen(i)
  }

  const button = (i: number) => document.getElementById(`${baseId}-bar-${i}`)
  const moveBar = (i: number, keepOpen: boolean) => {
    const next = (i + model.length) % model.length
    setCurrent(next)
    button(next)?.focus()
    if (keepOpen) openMenu(next, 'first')
  }
  const close = (i: number) => {
    setOpen(null)
    button(i)?.focus()
  }
  const choose = (i: number, id: string) => {
    // As a desktop menu does: the keyboard goes back where it was, then the command runs (a dialog
    // it opens gives the keyboard back there when it closes).
    const back = cameFrom.current
    if (back?.isConnected) {
      setOpen(null)
      back.focus({ preventScroll: true })
    } else close(i)
    runCommand(session, id)
  }

  const onBarKey = (e: ReactKeyboardEvent, i: number) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => moveBar(i + 1, open !== null),
      ArrowLeft: () => moveBar(i - 1, open !== null),
      Home: () => moveBar(0, false),
      End: () => moveBar(model.length - 1, false),
      ArrowDown: () => openMenu(i, 'first'),
      Enter: () => openMenu(i, 'first'),
      ' ': () => openMenu(i, 'first'),
      ArrowUp: () => openMenu(i, 'last'),
      Escape: () => setOpen(null),
    }
    const act = keys[e.key]
    if (!act) return
    e.preventDefault()
    act()
  }

  return (
    <div
      ref={bar}
      className="menubar-wrap"
      onFocus={(e) => {
        const from = e.relatedTarget
        if (!(from instanceof Node && bar.current?.contains(from))) cameFrom.current = from instanceof HTMLElement ? from : null
      }}
    >
      <div className="menubar" role="menubar" aria-label="Application menu">
        {model.map((menu, i) => (
          <div key={menu.name} role="none" className="menubar-entry">
            <button
              type="button"
              role="menuitem"
              id={`${baseId}-bar-${i}`}
              className="menubar-button"
              aria-haspopup="menu"
              aria-expanded={open === i}
              aria-controls={open === i ? `${baseId}-menu-${i}` : undefined}
              tabIndex={i === current ? 0 : -1}
              onClick={() => {
                setCurrent(i)
                setOpen(open === i ? null : i)
              }}
              onPointerEnter={() => open !== null && open !== i && (setOpen(i), setCurrent(i), button(i)?.focus())}
              onKeyDown={(e) => onBarKey(e, i)}
            >
              {menu.name}
            </button>
            {open === i && (
              <Menu
                id={`${baseId}-menu-${i}`}
                labelledBy={`${baseId}-bar-${i}`}
                items={menu.items}
                isMac={isMac}
                onChoose={(id) => choose(i, id)}
                onClose={() => close(i)}
                onSideways={(dir) => moveBar(i + dir, true)}
              />
            )}
          </div>
        ))}
      </div>
    </div>
  )
}

interface MenuProps {
  id: string
  labelledBy: string
  items: MenuItemModel[]
  isMac: boolean
  onChoose: (id: string) => void
  onClose: () => void
  /** Left or Right where there is no submenu to enter or leave: the neighbouring menu. */
  onSideways: (dir: 1 | -1) => void
  submenu?: boolean
}

/** One open menu (or submenu): its items, separators and submenus. */
function Menu({ id, labelledBy, items, isMac, onChoose, onClose, onSideways, submenu = false }: MenuProps) {
  const [openSub, setOpenSub] = useState<number | null>(null)
  const focusSub = useRef(false)
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (openSub === null || !focusSub.current) return
    focusAt(document.getElementById(`${id}-sub-${openSub}`), 'first')
    focusSub.current = false
  }, [openSub, id])

  const onKey = (e: ReactKeyboardEvent) => {
    // Keys in a submenu are its own; Escape and Left there close only it.
    if (e.target instanceof Element && e.target.closest('[role=menu]') !== ref.current) return
    const list = itemsOf(ref.current)
    const at = list.indexOf(e.target as HTMLElement)
    const target = e.target as HTMLElement
    const hasSub = target.getAttribute('aria-haspopup') === 'menu'
    let handled = true
    if (e.key === 'ArrowDown') focusAt(ref.current, at + 1)
    else if (e.key === 'ArrowUp') focusAt(ref.current, at - 1)
    else if (e.key === 'Home') focusAt(ref.current, 'first')
    else if (e.key === 'End') focusAt(ref.current, 'last')
    else if (e.key === 'Escape') onClose()
    else if (e.key === 'ArrowRight' && hasSub) target.click()
    else if (e.key === 'ArrowRight' && !submenu) onSideways(1)
    else if (e.key === 'ArrowLeft' && submenu) onClose()
    else if (e.key === 'ArrowLeft') onSideways(-1)
    else if (e.key === 'Enter' || e.key === ' ') target.click()
    else if (e.key === 'Tab') {
      handled = false
      onClose()
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const letter = e.key.toLowerCase()
      const next = [...list.slice(at + 1), ...list.slice(0, at + 1)].find((el) => el.textContent?.trim().toLowerCase().startsWith(letter))
      next?.focus()
    } else handled = false
    if (handled) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  return (
    <div ref={ref} id={id} role="menu" aria-labelledby={labelledBy} className={submenu ? 'menu submenu' : 'menu'} onKeyDown={onKey}>
      {items.map((item, i) => {
        if (item.type === 'separator') return <div key={`sep-${i}`} role="separator" className="menu-separator" />
        if (item.type === 'submenu') {
          const itemId = `${id}-item-${i}`
          return (
            <div key={item.label} role="none" className="menu-entry">
              <button
                type="button"
                role="menuitem"
                id={itemId}
                className="menu-item"
                tabIndex={-1}
                aria-haspopup="menu"
                aria-expanded={openSub === i}
                onClick={() => {
                  if (openSub === i) return focusAt(document.getElementById(`${id}-sub-${i}`), 'first')
                  focusSub.current = true
                  setOpenSub(i)
                }}
                onPointerEnter={() => setOpenSub(i)}
              >
                <span className="menu-label">{item.label}</span>
                <span className="menu-more" aria-hidden="true">
                  ▸
                </span>
              </button>
              {openSub === i && (
                <Menu
                  id={`${id}-sub-${i}`}
                  labelledBy={itemId}
                  items={item.items}
                  isMac={isMac}
                  onChoose={onChoose}
                  onClose={() => {
                    setOpenSub(null)
                    document.getElementById(itemId)?.focus()
                  }}
                  onSideways={onSideways}
                  submenu
                />
              )}
            </div>
          )
        }
        return (
          <button
            key={item.id}
            type="button"
            role={item.checked === null ? 'menuitem' : 'menuitemradio'}
            aria-checked={item.checked === null ? undefined : item.checked}
            aria-disabled={item.enabled ? undefined : true}
            aria-keyshortcuts={item.accelerator ? ariaKeyShortcut(item.accelerator, isMac) : undefined}
            className="menu-item"
            tabIndex={-1}
            onPointerEnter={() => openSub !== null && setOpenSub(null)}
            onClick={() => item.enabled && onChoose(item.id)}
          >
            <span className="menu-check" aria-hidden="true">
              {item.checked ? '●' : ''}
            </span>
            <span className="menu-label">{item.label}</span>
            {item.accelerator && (
              <kbd className="menu-keys" aria-hidden="true">
                {acceleratorText(item.accelerator, isMac)}
              </kbd>
            )}
          </button>
        )
      })}
    </div>
  )
}
