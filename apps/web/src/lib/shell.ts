import { createContext, useContext } from "react";

/** True inside the console/portal frame, so shared pages know whether to draw their own chrome. */
export const ShellContext = createContext(false);

export function useInShell(): boolean {
  return useContext(ShellContext);
}
