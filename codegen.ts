import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

const config: CodegenConfig = {
  // Printed by the server (npm run schema:print): a superset of the public contract.
  schema: './schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: {
        // Imports name the file they need; a generated barrel would be the
        // only index.ts in the app.
        skipIndexFile: true,
        // The server allow-lists these hashes in its trusted-documents mode.
        persistedDocuments: true,
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', SafeInt: 'number' },
      },
      // Apollo adds __typename to every selection before sending; the manifest
      // must hold the documents exactly as they go over the wire.
      documentTransforms: [addTypenameSelectionDocumentTransform],
    },
    // Apollo matches `... on SoldOutError` inside a union only if it knows the union's members.
    'web/src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3 },
    },
  },
};

export default config;
