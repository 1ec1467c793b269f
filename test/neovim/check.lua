-- Opens the file in SECPOLICY_FILE, attaches the secpolicy language server started as
-- SECPOLICY_SERVER --stdio through Neovim's own LSP client, and prints the diagnostics it
-- receives as JSON. Written for Neovim 0.7 (no vim.lsp.start), which Debian ships.
local file = os.getenv('SECPOLICY_FILE')
local server = os.getenv('SECPOLICY_SERVER')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()

local client_id = vim.lsp.start_client({
  name = 'secpolicy',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client_id then
  io.stderr:write('could not start the language server\n')
  vim.cmd('cquit 3')
end
vim.lsp.buf_attach_client(buffer, client_id)

local arrived = vim.wait(15000, function()
  return #vim.diagnostic.get(buffer) > 0
end, 50)
if not arrived then
  io.stderr:write('no diagnostics arrived\n')
  vim.cmd('cquit 4')
end

local found = {}
for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
  table.insert(found, {
    code = lsp.code or diagnostic.code,
    source = diagnostic.source,
    line = diagnostic.lnum,
    severity = diagnostic.severity,
  })
end
table.sort(found, function(a, b)
  return a.code < b.code
end)
io.stdout:write(vim.fn.json_encode(found) .. '\n')
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
