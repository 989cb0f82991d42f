import { describe, expect, it } from 'vitest'
import { annotationProblems, collectionProblems } from './web-annotation-musts'

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
const good = {
  id: 'urn:marginalia:p:maria:doc:maria-001',
  type: 'Annotation',
  motivation: 'tagging',
  created: '2026-10-01T09:00:03.000Z',
  creator: { type: 'Person', nickname: 'maria' },
  body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
  target: {
    source: 'ni:///sha-256;tsInD2sdjgx6PR9OXGt6gJGis8TV5vcIGSo7TF1uf4A',
    selector: [
      { type: 'TextQuoteSelector', exact: 'said', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 3, end: 7 },
    ],
  },
}

describe("the Web Annotation model's MUSTs", () => {
  it('passes an annotation that keeps them, with its own or its collection’s @context', () => {
    expect(annotationProblems({ '@context': CONTEXT, ...good }, undefined)).toEqual([])
    expect(annotationProblems(good, [CONTEXT, { marginalia: 'https://marginalia.invalid/ns#' }])).toEqual([])
  })

  it.each([
    ['no @context', {}, undefined, /§3\.1 @context: there MUST be 1 or more/],
    ['another @context', {}, 'https://schema.org/', /anno\.jsonld MUST be one of/],
    ['a single @context in an array', {}, [CONTEXT], /MUST be given as a string/],
    ['a relative id', { id: 'annotations/maria/doc.json#maria-001' }, CONTEXT, /§3\.1 id: an Annotation MUST have exactly 1 IRI/],
    ['no Annotation type', { type: 'Note' }, CONTEXT, /§3\.1 type/],
    ['no target', { target: undefined }, CONTEXT, /§3\.1 target .*: there MUST be 1 or more/],
    [
      'a relative target source',
      { target: { source: 'texts/doc.txt' } },
      CONTEXT,
      /§4 SpecificResource.*MUST be exactly 1 source relationship, an IRI/,
    ],
    ['a bare string target that is not an IRI', { target: 'maria-002' }, CONTEXT, /§3\.2\.1 target.*MUST be an IRI/],
    [
      'a relative link body',
      { body: { type: 'SpecificResource', source: 'annotations/x.json#y', purpose: 'linking' } },
      CONTEXT,
      /§4 SpecificResource/,
    ],
    [
      'a TextualBody without a value',
      { body: { type: 'TextualBody', purpose: 'tagging' } },
      CONTEXT,
      /§3\.2\.4 TextualBody.*exactly 1 value/,
    ],
    ['a quote selector without exact', { target: { source: 'urn:x:y', selector: { type: 'TextQuoteSelector' } } }, CONTEXT, /§4\.2\.4/],
    [
      'a negative start',
      { target: { source: 'urn:x:y', selector: { type: 'TextPositionSelector', start: -1, end: 2 } } },
      CONTEXT,
      /§4\.2\.5.*start/,
    ],
    ['a date that is not xsd:dateTime', { created: '1 October 2026' }, CONTEXT, /§3\.3\.2 created/],
    ['an unknown motivation', { motivation: 'liking' }, CONTEXT, /§3\.3\.5 motivation/],
    ['an unknown purpose', { body: { type: 'TextualBody', value: 'x', purpose: 'labelling' } }, CONTEXT, /§3\.3\.5 purpose/],
    ['a creator that is not an IRI', { creator: 'maria' }, CONTEXT, /§3\.3\.3 creator/],
  ])('finds %s', (_, change, context, problem) => {
    expect(annotationProblems({ ...good, ...change }, context).join('\n')).toMatch(problem)
  })

  it('checks the collection and its embedded first page', () => {
    const collection = {
      '@context': [CONTEXT],
      id: 'urn:marginalia:p:annotations',
      type: 'AnnotationCollection',
      total: 1,
      first: { id: 'urn:marginalia:p:annotations:page-1', type: 'AnnotationPage', startIndex: 0, items: [good] },
    }
    expect(collectionProblems({ ...collection, '@context': CONTEXT })).toEqual([])
    expect(collectionProblems({ ...collection, '@context': CONTEXT, id: 'annotations/' })).toEqual([expect.stringMatching(/§5\.1 id/)])
    expect(collectionProblems({ ...collection, '@context': CONTEXT, first: { ...collection.first, id: 'annotations/#page-1' } })).toEqual([
      expect.stringMatching(/§5\.2 id/),
    ])
    expect(collectionProblems({ ...collection, '@context': CONTEXT, first: { type: 'AnnotationPage', id: 'urn:a:b' } })).toEqual([
      expect.stringMatching(/§5\.2 items/),
    ])
  })
})
