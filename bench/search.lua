-- wrk script: household searches of the kinds officials make, in turn: exact ID number, name prefix in a township,
-- category and risk state in the county, income band in a village. The request bodies come one per line from the
-- file BODIES (written by bench/import-throughput.sh from the imported county); the token from TOKEN.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  bodies[#bodies + 1] = line
end
local token = os.getenv("TOKEN")
local counter = 0

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/households/search", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token
  }, bodies[(counter % #bodies) + 1])
end
