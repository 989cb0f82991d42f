import { describe, expect, it } from 'vitest'
import { documentIdOfTextIri, exportIris, isAbsoluteIri, isBaseIri, parseAnnotationIri, sha256OfTextIri, textIri } from './iris'

const SHA = 'b6c2270f6b1d8e0c7a3d1f4e5c6b7a8091a2b3c4d5e6f708192a3b4c5d6e7f80'
const DOC = { id: 'putin-s-muted-response-b6c2270f', sha256: SHA }

describe('IRIs of an export', () => {
  it('names texts by their content (RFC 6920) and annotations by URNs of the project, all absolute', () => {
    const iris = exportIris({ project: '1b4e28ba-2fa1-81d2-883f-0016d3cca427' })
    expect(iris.document(DOC)).toBe('ni:///sha-256;tsInD2sdjgx6PR9OXGt6gJGis8TV5vcIGSo7TF1uf4A')
    expect(sha256OfTextIri(iris.document(DOC))).toBe(SHA)
    const id = iris.annotation('maria lopez', DOC.id, 'maria-002')
    expect(id).toBe(`urn:marginalia:1b4e28ba-2fa1-81d2-883f-0016d3cca427:maria%20lopez:${DOC.id}:maria-002`)
    expect(parseAnnotationIri(id)).toEqual({ annotator: 'maria lopez', document: DOC.id, id: 'maria-002' })
    for (const iri of [iris.collection, iris.page, iris.document(DOC), id]) expect(isAbsoluteIri(iri)).toBe(true)
    expect(parseAnnotationIri(iris.page)).toBeNull()
  })

  it('puts everything under a base the user gives, in the project folder’s layout', () => {
    const iris = exportIris({ base: 'https://example.org/corpus' })
    expect(iris.document(DOC)).toBe(`https://example.org/corpus/texts/${DOC.id}.txt`)
    expect(documentIdOfTextIri(iris.document(DOC))).toBe(DOC.id)
    const id = iris.annotation('jonas', DOC.id, "it's (2)")
    expect(id).toBe(`https://example.org/corpus/annotations/jonas/${DOC.id}.json#it%27s%20%282%29`)
    expect(parseAnnotationIri(id)).toEqual({ annotator: 'jonas', document: DOC.id, id: "it's (2)" })
    expect(iris.collection).toBe('https://example.org/corpus/annotations/')
  })

  it('still reads the relative references older exports wrote', () => {
    expect(parseAnnotationIri(`annotations/jonas/${DOC.id}.json#jonas-002`)).toEqual({
      annotator: 'jonas',
      document: DOC.id,
      id: 'jonas-002',
    })
    expect(documentIdOfTextIri(`texts/${DOC.id}.txt`)).toBe(DOC.id)
    expect(isAbsoluteIri(`texts/${DOC.id}.txt`)).toBe(false)
  })

  it('takes http and https bases only, without spaces, queries or fragments', () => {
    for (const ok of ['https://example.org/corpus/', 'http://localhost:8080', 'https://uni.example/ü/projekt/'])
      expect(isBaseIri(ok)).toBe(true)
    for (const bad of ['example.org/corpus', 'ftp://x/y', 'https://x/a b', 'https://x/?q=1', 'https://x/#f', 'urn:x', ''])
      expect(isBaseIri(bad)).toBe(false)
    expect(textIri('00'.repeat(32))).toMatch(/^ni:\/\/\/sha-256;A{43}$/)
  })
})
