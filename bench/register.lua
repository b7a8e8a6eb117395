-- wrk script: each request registers a new household of 4 members with phone and bank account, every ID number
-- valid (ISO 7064 check character) and unique across threads. Village and token come from the environment.
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = {"1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"}
local village = os.getenv("VILLAGE")
local token = os.getenv("TOKEN")
local threads = 0
local counter = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local function id_number(n, male)
  -- a birth date per 400 numbers from 1940-01-01 (RUN 0-9 keeps them before 1995); unique by thread, counter and RUN
  local date = os.date("!%Y%m%d", -946771200 + math.floor(n / 400) * 86400)
  local seq = (n % 400) * 2 + (male and 1 or 0)
  local body = "450422" .. date .. string.format("%03d", seq)
  local sum = 0
  for i = 1, 17 do
    sum = sum + tonumber(body:sub(i, i)) * weights[i]
  end
  return body .. checks[(sum % 11) + 1]
end

function request()
  local base = (counter * 8 + offset) * 4 + (tonumber(os.getenv("RUN")) or 0) * 800000
  counter = counter + 1
  local members = {}
  local relations = {"HEAD", "SPOUSE", "SON", "DAUGHTER"}
  for i = 0, 3 do
    members[#members + 1] = string.format('{"name":"压测%d","idNumber":"%s","relation":"%s"}',
      i, id_number(base + i, i % 2 == 0), relations[i + 1])
  end
  local body = string.format('{"villageCode":"%s","attributes":{"phone":"13877105678","bankAccount":"6228480012345678901"},"members":[%s]}',
    village, table.concat(members, ","))
  return wrk.format("POST", "/api/v1/households",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function done(summary, latency, requests)
  local created = summary.requests - (summary.errors.status or 0)
  io.write(string.format("registrations: %d ok, %d non-2xx, %.1f/s; latency p50 %.2f ms, p99 %.2f ms\n",
    created, summary.errors.status or 0, created / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
