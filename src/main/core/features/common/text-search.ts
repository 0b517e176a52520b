/** The search rules live in shared code: the window answers searches from its own index with the same ones. */
export * from '@shared/search/text'
