/** A single sentence in the middle of the window, for before the workbench can show. */
export function StartupMessage({ text }: { text: string }) {
  return (
    <main className="startup">
      <h1>Marginalia</h1>
      <p>{text}</p>
    </main>
  )
}
