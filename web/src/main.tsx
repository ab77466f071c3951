import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './apollo';
import { ConnectionStateContext } from './connectionContext';
import { createRouter } from './router';
import './styles.css';

const { client, connection } = createApolloClient();
const router = createRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <ConnectionStateContext.Provider value={connection}>
        <RouterProvider router={router} />
      </ConnectionStateContext.Provider>
    </ApolloProvider>
  </StrictMode>,
);
