// The open board's connection, handed from the board page to everything inside it.
import { createContext } from '@lit/context';
import type { BoardConnection } from './board-connection.ts';

export const connectionContext = createContext<BoardConnection>(Symbol('board-connection'));
