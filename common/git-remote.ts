/** `owner/name` of the first GitHub remote in the text of a `.git/config` file. */
export function githubRepositoryFromGitConfig(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const url = /^\s*url\s*=\s*(\S+)\s*$/.exec(line)?.[1];
    const match =
      url &&
      /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([\w.-]+\/[\w.-]+)\/?$/.exec(
        url,
      );
    if (match) return match[1].replace(/\.git$/, '').replace(/\/$/, '');
  }
  return undefined;
}
