import { createContext } from 'react';

/** What a node's controls can ask of the pane (chips, "+", rename): given by GraphPane to every node. */
export interface GraphActions {
  /** Moves a route's middleware from one chain position to another. */
  reorder(routeId: string, from: number, to: number): void;
  /** Detaches the route's middleware at a chain position. */
  detach(routeId: string, index: number): void;
  /** Selects a middleware node (its chips on every route light up). */
  selectNode(id: string): void;
  /** Opens the "+" list of a route. */
  add(routeId: string): void;
  /** Opens the rename box of a node. */
  rename(id: string): void;
}

export const GraphActionsContext = createContext<GraphActions | null>(null);
