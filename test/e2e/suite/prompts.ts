import * as vscode from 'vscode';

/**
 * A scripted answer to a prompt: the value itself, or a function that picks it from the items a
 * quick pick offered. `undefined` is Escape.
 */
export type Answer = string | undefined | ((items: readonly unknown[]) => unknown);

/** A prompt the command showed, as the user would have seen it. */
export interface Shown {
  kind: 'quick pick' | 'input box';
  title: string;
  /** What an input box was filled with when it opened. */
  value?: string;
  /** The labels a quick pick offered (a string item is its own label). */
  items?: string[];
}

export interface Recording<T> {
  result: T;
  prompts: Shown[];
  /** Information messages the command showed (not shown on screen: recorded instead). */
  messages: string[];
}

type Patched = 'showQuickPick' | 'showInputBox' | 'showInformationMessage';

/**
 * Runs `run` with vscode.window.showQuickPick, showInputBox and showInformationMessage replaced by
 * fakes, and puts the real ones back however `run` ends. The extension calls them on the same
 * `vscode` module object as this suite (one API object per extension, and the suite lies inside
 * the extension's folder), so its prompts come here instead of to the screen.
 *
 * `answers` is keyed by a part of the prompt's title. A prompt without a scripted answer, an answer
 * a quick pick did not offer and an answer an input box's own validation refuses all fail the
 * command, so a test cannot pass by answering something the user could not have.
 */
export async function withPrompts<T>(
  answers: Readonly<Record<string, Answer>>,
  run: () => Thenable<T>,
): Promise<Recording<T>> {
  const window = vscode.window as unknown as Record<Patched, unknown>;
  const real = {
    showQuickPick: window.showQuickPick,
    showInputBox: window.showInputBox,
    showInformationMessage: window.showInformationMessage,
  };
  const prompts: Shown[] = [];
  const messages: string[] = [];

  const answerFor = (shown: Shown): Answer => {
    prompts.push(shown);
    const key = Object.keys(answers).find((part) => shown.title.includes(part));
    if (key === undefined) {
      throw new Error(`unexpected ${shown.kind} "${shown.title}"; scripted: ${Object.keys(answers).join(', ')}`);
    }
    return answers[key];
  };

  const fakes: Record<Patched, unknown> = {
    showQuickPick: async (
      items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>,
      options?: vscode.QuickPickOptions,
    ) => {
      const offered = await items;
      const shown: Shown = {
        kind: 'quick pick',
        title: options?.title ?? options?.placeHolder ?? '(no title)',
        items: offered.map((item) => (typeof item === 'string' ? item : item.label)),
      };
      const answer = answerFor(shown);
      const picked = typeof answer === 'function' ? answer(offered) : answer;
      if (picked !== undefined && !offered.includes(picked as string | vscode.QuickPickItem)) {
        throw new Error(`the answer scripted for "${shown.title}" is not one of ${shown.items!.join(' | ')}`);
      }
      return picked;
    },
    showInputBox: async (options?: vscode.InputBoxOptions) => {
      const shown: Shown = {
        kind: 'input box',
        title: options?.title ?? options?.prompt ?? '(no title)',
        value: options?.value,
      };
      const answer = answerFor(shown);
      if (typeof answer === 'function') throw new Error(`"${shown.title}" is an input box: script a string`);
      if (answer === undefined) return undefined;
      const problem = await options?.validateInput?.(answer);
      if (problem) {
        const reason = typeof problem === 'string' ? problem : problem.message;
        throw new Error(`"${shown.title}" refuses ${JSON.stringify(answer)}: ${reason}`);
      }
      return answer;
    },
    showInformationMessage: async (message: string) => {
      messages.push(message);
      return undefined;
    },
  };

  try {
    for (const name of Object.keys(fakes) as Patched[]) {
      window[name] = fakes[name];
      if (window[name] !== fakes[name]) throw new Error(`vscode.window.${name} cannot be replaced in this VS Code`);
    }
    const result = await run();
    return { result, prompts, messages };
  } finally {
    Object.assign(window, real);
  }
}

/** The titles of the prompts shown, in order. */
export function titles(prompts: readonly Shown[]): string[] {
  return prompts.map((prompt) => prompt.title);
}
