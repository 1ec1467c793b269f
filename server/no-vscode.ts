// Compiled only when code in server/ imports 'vscode' (server/tsconfig.json maps the name here):
// the language server and the CLI run outside VS Code, so that import must not compile.
const theServerMustNotImportVscode: never = 'vscode is only for client/';
