--[[
dlmsct: a Wireshark / tshark dissector for DLMS/COSEM (IEC 62056) traces.

  tshark -X lua_script:tools/wireshark/dlms.lua -r trace.pcapng -V
  wireshark -X lua_script:tools/wireshark/dlms.lua trace.pcapng
  (or copy this file into ~/.local/lib/wireshark/plugins/ and open any capture)

What it reads (docs/wireshark.md):
  * LINKTYPE_USER0 (147): one whole IEC 62056-46 HDLC frame per packet, 7E..7E as dlmsct writes
    it: frame format, addresses, control (frame type, N(S), N(R), P/F), HCS and FCS checked, the
    SNRM/UA parameters, the LLC header, segmented I-frames reassembled, then the APDU.
  * TCP and UDP port 4059: IEC 62056-47 wrapper PDUs (version, wPorts, length), then the APDU.
  * The APDU (Green Book 9.3 ACSE, 9.5 xDLMS): its name from the tag table; AARQ/AARE/RLRQ/RLRE
    with context, mechanism, result and diagnostic; initiate request/response; GET/SET/ACTION
    requests and responses of every variant with invoke-id, class id, OBIS as A-B:C.D.E.F,
    attribute or method, Data-Access-Result and Action-Result by name, A-XDR Data decoded;
    exception-response; data-notification; ciphered APDUs shown by their security header.
Authentication values are shown by length only, as dlmsct's own traces do.

Wireshark 3.x/4.x, Lua 5.2 (bit32). Facts from the Green Book and IEC 62056-46/-47; no code
from any other implementation.
]]

local DLMS_PORT = 4059 -- IANA port for DLMS/COSEM (Green Book 7.3.3)

------------------------------------------------------------------------------ spec tables

-- Green Book 9.3 (ACSE) and 9.5 (xDLMS APDU tags, ciphered variants 9.5 "glo-"/"ded-").
local APDU_NAMES = {
  [0x01] = "initiate-request", [0x05] = "read-request", [0x06] = "write-request",
  [0x08] = "initiate-response", [0x0C] = "read-response", [0x0D] = "write-response",
  [0x0E] = "confirmed-service-error", [0x0F] = "data-notification",
  [0x16] = "unconfirmed-write-request", [0x18] = "information-report-request",
  [0x21] = "glo-initiate-request", [0x25] = "glo-read-request", [0x26] = "glo-write-request",
  [0x28] = "glo-initiate-response", [0x2C] = "glo-read-response", [0x2D] = "glo-write-response",
  [0x2E] = "glo-confirmed-service-error", [0x36] = "glo-unconfirmed-write-request",
  [0x38] = "glo-information-report-request",
  [0x41] = "ded-initiate-request", [0x45] = "ded-read-request", [0x46] = "ded-write-request",
  [0x48] = "ded-initiate-response", [0x4C] = "ded-read-response", [0x4D] = "ded-write-response",
  [0x4E] = "ded-confirmed-service-error", [0x56] = "ded-unconfirmed-write-request",
  [0x58] = "ded-information-report-request",
  [0x60] = "AARQ", [0x61] = "AARE", [0x62] = "RLRQ", [0x63] = "RLRE",
  [0xC0] = "get-request", [0xC1] = "set-request", [0xC2] = "event-notification-request",
  [0xC3] = "action-request", [0xC4] = "get-response", [0xC5] = "set-response", [0xC7] = "action-response",
  [0xC8] = "glo-get-request", [0xC9] = "glo-set-request", [0xCA] = "glo-event-notification-request",
  [0xCB] = "glo-action-request", [0xCC] = "glo-get-response", [0xCD] = "glo-set-response",
  [0xCF] = "glo-action-response",
  [0xD0] = "ded-get-request", [0xD1] = "ded-set-request", [0xD2] = "ded-event-notification-request",
  [0xD3] = "ded-action-request", [0xD4] = "ded-get-response", [0xD5] = "ded-set-response",
  [0xD7] = "ded-action-response",
  [0xD8] = "exception-response", [0xD9] = "access-request", [0xDA] = "access-response",
  [0xDB] = "general-glo-ciphering", [0xDC] = "general-ded-ciphering", [0xDD] = "general-ciphering",
  [0xDF] = "general-signing", [0xE0] = "general-block-transfer",
}

-- Green Book 9.5: CHOICE alternatives of each service.
local VARIANTS = {
  [0xC0] = { "normal", "next", "with-list" },
  [0xC4] = { "normal", "with-datablock", "with-list" },
  [0xC1] = { "normal", "with-first-datablock", "with-datablock", "with-list", "with-list-and-first-datablock" },
  [0xC5] = { "normal", "datablock", "last-datablock", "last-datablock-with-list", "with-list" },
  [0xC3] = { "normal", "next-pblock", "with-list", "with-first-pblock", "with-list-and-first-pblock", "with-pblock" },
  [0xC7] = { "normal", "with-pblock", "with-list", "next-pblock" },
}

-- Green Book 9.5 Data-Access-Result.
local DATA_ACCESS_RESULT = {
  [0] = "success", [1] = "hardware-fault", [2] = "temporary-failure", [3] = "read-write-denied",
  [4] = "object-undefined", [9] = "object-class-inconsistent", [11] = "object-unavailable",
  [12] = "type-unmatched", [13] = "scope-of-access-violated", [14] = "data-block-unavailable",
  [15] = "long-get-aborted", [16] = "no-long-get-in-progress", [17] = "long-set-aborted",
  [18] = "no-long-set-in-progress", [19] = "data-block-number-invalid", [250] = "other-reason",
}

-- Green Book 9.5 Action-Result.
local ACTION_RESULT = {
  [0] = "success", [1] = "hardware-fault", [2] = "temporary-failure", [3] = "read-write-denied",
  [4] = "object-undefined", [9] = "object-class-inconsistent", [11] = "object-unavailable",
  [12] = "type-unmatched", [13] = "scope-of-access-violated", [14] = "data-block-unavailable",
  [15] = "long-action-aborted", [16] = "no-long-action-in-progress", [250] = "other-reason",
}

-- Green Book 9.3 / ISO/IEC 8650-1: AARE result and result-source-diagnostic.
local ASSOCIATION_RESULT = { [0] = "accepted", [1] = "rejected-permanent", [2] = "rejected-transient" }
local ACSE_SERVICE_USER = {
  [0] = "null", [1] = "no-reason-given", [2] = "application-context-name-not-supported",
  [3] = "calling-AP-title-not-recognized", [4] = "calling-AP-invocation-identifier-not-recognized",
  [5] = "calling-AE-qualifier-not-recognized", [6] = "calling-AE-invocation-identifier-not-recognized",
  [7] = "called-AP-title-not-recognized", [8] = "called-AP-invocation-identifier-not-recognized",
  [9] = "called-AE-qualifier-not-recognized", [10] = "called-AE-invocation-identifier-not-recognized",
  [11] = "authentication-mechanism-name-not-recognised", [12] = "authentication-mechanism-name-required",
  [13] = "authentication-failure", [14] = "authentication-required",
}
local ACSE_SERVICE_PROVIDER = { [0] = "null", [1] = "no-reason-given", [2] = "no-common-acse-version" }
local RELEASE_REQUEST_REASON = { [0] = "normal", [1] = "urgent", [30] = "user-defined" }
local RELEASE_RESPONSE_REASON = { [0] = "normal", [1] = "not-finished", [30] = "user-defined" }

-- Green Book 9.4.2.2: {2 16 756 5 8 1 n} application contexts, {2 16 756 5 8 2 n} mechanisms.
local CONTEXT_NAMES = { [1] = "logical-name", [2] = "short-name", [3] = "logical-name-with-ciphering", [4] = "short-name-with-ciphering" }
local MECHANISM_NAMES = { [0] = "lowest", [1] = "low", [2] = "high", [3] = "md5", [4] = "sha1", [5] = "gmac", [6] = "sha256", [7] = "ecdsa" }

-- Green Book 9.5 ExceptionResponse.
local STATE_ERROR = { [1] = "service-not-allowed", [2] = "service-unknown" }
local EXCEPTION_SERVICE_ERROR = {
  [1] = "operation-not-possible", [2] = "service-not-supported", [3] = "other-reason",
  [4] = "pdu-too-long", [5] = "deciphering-error", [6] = "invocation-counter-error",
}

-- Green Book 9.4.6.1: conformance block, bit 0 first (most significant of the 24).
local CONFORMANCE_BITS = {
  "reserved-zero", "general-protection", "general-block-transfer", "read", "write", "unconfirmed-write",
  "delta-value-encoding", "reserved-seven", "attribute0-supported-with-set", "priority-mgmt-supported",
  "attribute0-supported-with-get", "block-transfer-with-get-or-read", "block-transfer-with-set-or-write",
  "block-transfer-with-action", "multiple-references", "information-report", "data-notification", "access",
  "parameterized-access", "get", "set", "selective-access", "event-notification", "action",
}

-- Blue Book 4.1.5 / Green Book 9.5: A-XDR Data CHOICE tags.
local DATA_TYPES = {
  [0] = "null-data", [1] = "array", [2] = "structure", [3] = "boolean", [4] = "bit-string",
  [5] = "double-long", [6] = "double-long-unsigned", [9] = "octet-string", [10] = "visible-string",
  [12] = "utf8-string", [13] = "bcd", [15] = "integer", [16] = "long", [17] = "unsigned",
  [18] = "long-unsigned", [19] = "compact-array", [20] = "long64", [21] = "long64-unsigned",
  [22] = "enum", [23] = "float32", [24] = "float64", [25] = "date-time", [26] = "date", [27] = "time",
  [28] = "delta-integer", [29] = "delta-long", [30] = "delta-double-long", [31] = "delta-unsigned",
  [32] = "delta-long-unsigned", [33] = "delta-double-long-unsigned", [255] = "dont-care",
}
-- Fixed content sizes of the simple types (Blue Book 4.1.5).
local DATA_FIXED_SIZE = {
  [0] = 0, [3] = 1, [5] = 4, [6] = 4, [13] = 1, [15] = 1, [16] = 2, [17] = 1, [18] = 2, [20] = 8, [21] = 8,
  [22] = 1, [23] = 4, [24] = 8, [25] = 12, [26] = 5, [27] = 4, [28] = 1, [29] = 2, [30] = 4, [31] = 1,
  [32] = 2, [33] = 4, [255] = 0,
}
local SIGNED_TYPES = { [5] = true, [15] = true, [16] = true, [20] = true, [28] = true, [29] = true, [30] = true }

-- IEC 62056-46 / Green Book 8.4.3.4: control byte with P/F (0x10) masked off.
local U_FRAMES = { [0x83] = "SNRM", [0x43] = "DISC", [0x63] = "UA", [0x0F] = "DM", [0x87] = "FRMR", [0x03] = "UI" }
local S_FRAMES = { [0x01] = "RR", [0x05] = "RNR" }
-- Green Book 8.4.5.3.2: SNRM/UA information field parameters.
local HDLC_PARAMETERS = {
  [0x05] = "maxInfoFieldLengthTransmit", [0x06] = "maxInfoFieldLengthReceive",
  [0x07] = "windowSizeTransmit", [0x08] = "windowSizeReceive",
}
local LLC_DSAP = 0xE6 -- Green Book 8.4.6.2: LSAP of DLMS
local LLC_SSAP_REQUEST, LLC_SSAP_RESPONSE = 0xE6, 0xE7

------------------------------------------------------------------------------ protocols and fields

local p_hdlc = Proto("dlms_hdlc", "DLMS/COSEM HDLC (IEC 62056-46)")
local p_wrapper = Proto("dlms_wrapper", "DLMS/COSEM wrapper (IEC 62056-47)")
local p_dlms = Proto("dlms", "DLMS/COSEM APDU")

local YES_NO = { [0] = "no", [1] = "yes" }

local H = {
  format = ProtoField.uint16("dlms_hdlc.format", "Frame format", base.HEX),
  format_type = ProtoField.uint16("dlms_hdlc.format.type", "Format type", base.HEX, nil, 0xF000),
  segmented = ProtoField.uint16("dlms_hdlc.segmented", "Segmentation (S)", base.DEC, YES_NO, 0x0800),
  length = ProtoField.uint16("dlms_hdlc.length", "Frame length", base.DEC, nil, 0x07FF),
  dst = ProtoField.string("dlms_hdlc.dst", "Destination address"),
  src = ProtoField.string("dlms_hdlc.src", "Source address"),
  control = ProtoField.uint8("dlms_hdlc.control", "Control", base.HEX),
  type = ProtoField.string("dlms_hdlc.type", "Frame type"),
  ns = ProtoField.uint8("dlms_hdlc.ns", "N(S)"),
  nr = ProtoField.uint8("dlms_hdlc.nr", "N(R)"),
  pf = ProtoField.uint8("dlms_hdlc.pf", "P/F", base.DEC, nil, 0x10),
  hcs = ProtoField.uint16("dlms_hdlc.hcs", "HCS", base.HEX),
  hcs_ok = ProtoField.uint8("dlms_hdlc.hcs.ok", "HCS correct", base.DEC, YES_NO),
  fcs = ProtoField.uint16("dlms_hdlc.fcs", "FCS", base.HEX),
  fcs_ok = ProtoField.uint8("dlms_hdlc.fcs.ok", "FCS correct", base.DEC, YES_NO),
  info = ProtoField.bytes("dlms_hdlc.info", "Information"),
  parameter = ProtoField.string("dlms_hdlc.parameter", "Parameter"),
  llc_dsap = ProtoField.uint8("dlms_hdlc.llc.dsap", "LLC destination LSAP", base.HEX),
  llc_ssap = ProtoField.uint8("dlms_hdlc.llc.ssap", "LLC source LSAP", base.HEX, { [0xE6] = "command", [0xE7] = "response" }),
  llc_quality = ProtoField.uint8("dlms_hdlc.llc.quality", "LLC quality", base.HEX),
  fragment = ProtoField.string("dlms_hdlc.fragment", "Segment"),
}
p_hdlc.fields = H

local W = {
  version = ProtoField.uint16("dlms_wrapper.version", "Version"),
  src = ProtoField.uint16("dlms_wrapper.src", "Source wPort"),
  dst = ProtoField.uint16("dlms_wrapper.dst", "Destination wPort"),
  length = ProtoField.uint16("dlms_wrapper.length", "Length"),
}
p_wrapper.fields = W

local F = {
  tag = ProtoField.uint8("dlms.tag", "APDU tag", base.HEX, APDU_NAMES),
  apdu = ProtoField.string("dlms.apdu", "APDU"),
  variant = ProtoField.string("dlms.variant", "Variant"),
  invoke_id = ProtoField.uint8("dlms.invoke_id", "Invoke-id", base.DEC, nil, 0x0F),
  service_class = ProtoField.uint8("dlms.service_class", "Service class", base.DEC, { [0] = "unconfirmed", [1] = "confirmed" }, 0x40),
  priority = ProtoField.uint8("dlms.priority", "Priority", base.DEC, { [0] = "normal", [1] = "high" }, 0x80),
  long_invoke_id = ProtoField.uint32("dlms.long_invoke_id", "Long-Invoke-Id-And-Priority", base.HEX),
  class_id = ProtoField.uint16("dlms.class_id", "Class-id"),
  obis = ProtoField.string("dlms.obis", "Instance-id (OBIS)"),
  attribute = ProtoField.int8("dlms.attribute", "Attribute-id"),
  method = ProtoField.int8("dlms.method", "Method-id"),
  selector = ProtoField.uint8("dlms.access_selector", "Access-selector"),
  data_access_result = ProtoField.uint8("dlms.data_access_result", "Data-Access-Result", base.DEC, DATA_ACCESS_RESULT),
  action_result = ProtoField.uint8("dlms.action_result", "Action-Result", base.DEC, ACTION_RESULT),
  block_number = ProtoField.uint32("dlms.block_number", "Block-number"),
  last_block = ProtoField.uint8("dlms.last_block", "Last-block", base.DEC, YES_NO),
  raw_data = ProtoField.bytes("dlms.raw_data", "Raw-data"),
  data = ProtoField.none("dlms.data", "Data"),
  data_type = ProtoField.uint8("dlms.data.type", "Data type", base.DEC, DATA_TYPES),
  count = ProtoField.uint32("dlms.count", "Count"),
  acse_field = ProtoField.bytes("dlms.acse.field", "ACSE field"),
  context = ProtoField.string("dlms.acse.context", "Application-context-name"),
  mechanism = ProtoField.string("dlms.acse.mechanism", "Mechanism-name"),
  result = ProtoField.uint8("dlms.acse.result", "Result", base.DEC, ASSOCIATION_RESULT),
  diag_user = ProtoField.uint8("dlms.acse.diagnostic.user", "acse-service-user", base.DEC, ACSE_SERVICE_USER),
  diag_provider = ProtoField.uint8("dlms.acse.diagnostic.provider", "acse-service-provider", base.DEC, ACSE_SERVICE_PROVIDER),
  diagnostic = ProtoField.string("dlms.acse.diagnostic", "Result-source-diagnostic"),
  ap_title = ProtoField.bytes("dlms.acse.ap_title", "AP-title (system title)"),
  auth_value = ProtoField.string("dlms.acse.authentication_value", "Authentication-value"),
  reason = ProtoField.uint8("dlms.acse.reason", "Reason"),
  dlms_version = ProtoField.uint8("dlms.version", "DLMS version"),
  conformance = ProtoField.uint24("dlms.conformance", "Conformance", base.HEX),
  conformance_names = ProtoField.string("dlms.conformance.names", "Conformance bits"),
  max_pdu = ProtoField.uint16("dlms.max_pdu", "Max receive PDU size"),
  vaa_name = ProtoField.uint16("dlms.vaa_name", "VAA name", base.HEX),
  state_error = ProtoField.uint8("dlms.state_error", "State-error", base.DEC, STATE_ERROR),
  service_error = ProtoField.uint8("dlms.service_error", "Service-error", base.DEC, EXCEPTION_SERVICE_ERROR),
  security_control = ProtoField.uint8("dlms.security_control", "Security control", base.HEX),
  invocation_counter = ProtoField.uint32("dlms.invocation_counter", "Invocation counter"),
  ciphertext = ProtoField.bytes("dlms.ciphered", "Ciphered content"),
  date_time = ProtoField.bytes("dlms.date_time", "Date-time"),
  rest = ProtoField.bytes("dlms.undecoded", "Not decoded"),
}
p_dlms.fields = F

local E = {
  truncated = ProtoExpert.new("dlms.truncated", "Truncated or malformed APDU", expert.group.MALFORMED, expert.severity.ERROR),
  trailing = ProtoExpert.new("dlms.trailing", "Bytes after the APDU", expert.group.MALFORMED, expert.severity.WARN),
  rejected = ProtoExpert.new("dlms.rejected", "Association rejected", expert.group.RESPONSE_CODE, expert.severity.NOTE),
  error = ProtoExpert.new("dlms.error", "Error result", expert.group.RESPONSE_CODE, expert.severity.NOTE),
}
p_dlms.experts = { E.truncated, E.trailing, E.rejected, E.error }
local HE = {
  bad_hcs = ProtoExpert.new("dlms_hdlc.bad_hcs", "Wrong HCS", expert.group.CHECKSUM, expert.severity.ERROR),
  bad_fcs = ProtoExpert.new("dlms_hdlc.bad_fcs", "Wrong FCS", expert.group.CHECKSUM, expert.severity.ERROR),
  malformed = ProtoExpert.new("dlms_hdlc.malformed", "Not a well-formed HDLC frame", expert.group.MALFORMED, expert.severity.ERROR),
}
p_hdlc.experts = { HE.bad_hcs, HE.bad_fcs, HE.malformed }
local WE = { bad_version = ProtoExpert.new("dlms_wrapper.bad_version", "Wrapper version is not 1", expert.group.MALFORMED, expert.severity.ERROR) }
p_wrapper.experts = { WE.bad_version }

------------------------------------------------------------------------------ a bounds-checked cursor

-- Every read checks the bytes are there; a short APDU raises { truncated = offset } which the
-- top-level dissector turns into an expert item instead of a Lua error.
local Cursor = {}
Cursor.__index = Cursor

local function cursor(tvb, pos, limit)
  return setmetatable({ tvb = tvb, pos = pos or 0, limit = limit or tvb:len() }, Cursor)
end

function Cursor:remaining() return self.limit - self.pos end

function Cursor:take(n, what)
  if n < 0 or self.pos + n > self.limit then error({ truncated = self.pos, what = what or "bytes", need = n }) end
  local r = self.tvb(self.pos, n)
  self.pos = self.pos + n
  return r
end

function Cursor:u8(what) local r = self:take(1, what); return r:uint(), r end
function Cursor:u16(what) local r = self:take(2, what); return r:uint(), r end
function Cursor:u32(what) local r = self:take(4, what); return r:uint(), r end

-- A-XDR length (Green Book 9.5 / X.690 definite form): below 0x80 itself, else 0x8N then N bytes.
function Cursor:axdr_length(what)
  local start = self.pos
  local first = self:u8(what)
  if first < 0x80 then return first, self.tvb(start, 1) end
  local n = first - 0x80
  if n > 4 then error({ truncated = start, what = "a length of at most 4 bytes", need = n }) end
  local v = 0
  for _ = 1, n do v = v * 256 + self:u8(what) end
  return v, self.tvb(start, self.pos - start)
end

local function hex(range)
  if range:len() == 0 then return "empty" end
  return tostring(range:bytes()):upper()
end

local function obis_text(range)
  local b = {}
  for i = 0, 5 do b[i + 1] = range(i, 1):uint() end
  return string.format("%d-%d:%d.%d.%d.%d", b[1], b[2], b[3], b[4], b[5], b[6])
end

local function name_of(table_, v) return table_[v] or ("unknown (" .. v .. ")") end

------------------------------------------------------------------------------ A-XDR Data

local MAX_SHOWN = 8
local MAX_DEPTH = 16
local MAX_STRING = 48 -- bytes of a string shown in a summary line

local function printable(range)
  local s = range:raw()
  if #s > 0 and not s:find("[^\32-\126]") then return s end
  return nil
end

-- Blue Book 4.1.6.1 date-time (12 bytes): year, month, day, weekday, hour, minute, second,
-- hundredths, deviation (minutes, signed), clock status; 0xFF (0xFFFF, 0x8000) = not specified.
-- Returns nil for bytes that cannot be one, so an ordinary 12-byte octet-string stays hex.
local function date_time_text(r)
  if r:len() ~= 12 then return nil end
  local year, month, day, wday = r(0, 2):uint(), r(2, 1):uint(), r(3, 1):uint(), r(4, 1):uint()
  local hour, min, sec, hund = r(5, 1):uint(), r(6, 1):uint(), r(7, 1):uint(), r(8, 1):uint()
  local dev, status = r(9, 2):int(), r(11, 1):uint()
  local function ok(v, lo, hi, ...)
    if v >= lo and v <= hi then return true end
    for _, special in ipairs({ ... }) do if v == special then return true end end
    return false
  end
  if not (ok(month, 1, 12, 0xFD, 0xFE, 0xFF) and ok(day, 1, 31, 0xFD, 0xFE, 0xFF) and ok(wday, 1, 7, 0xFF)
      and ok(hour, 0, 23, 0xFF) and ok(min, 0, 59, 0xFF) and ok(sec, 0, 59, 0xFF) and ok(hund, 0, 99, 0xFF)
      and ok(dev, -720, 720, -32768)) then
    return nil
  end
  local function f(v, width, unset) if v == unset then return string.rep("*", width) end return string.format("%0" .. width .. "d", v) end
  return string.format("%s-%s-%s %s:%s:%s.%s deviation %s status 0x%02X", f(year, 4, 0xFFFF), f(month, 2, 0xFF), f(day, 2, 0xFF),
    f(hour, 2, 0xFF), f(min, 2, 0xFF), f(sec, 2, 0xFF), f(hund, 2, 0xFF), dev == -32768 and "*" or tostring(dev), status)
end

local read_data -- forward

local function skip_type_description(c, depth)
  local t = c:u8("compact-array type description")
  if depth > MAX_DEPTH then error({ truncated = c.pos, what = "a shallower type description", need = 0 }) end
  if t == 1 then
    c:u16("array length")
    skip_type_description(c, depth + 1)
  elseif t == 2 then
    local n = c:axdr_length("structure length")
    for _ = 1, n do skip_type_description(c, depth + 1) end
  end
end

-- Reads one Data value, adds it to the tree, returns its one-line text.
read_data = function(c, tree, label, depth)
  depth = depth or 0
  if depth > MAX_DEPTH then error({ truncated = c.pos, what = "nesting of at most " .. MAX_DEPTH, need = 0 }) end
  local start = c.pos
  local t = c:u8("Data type")
  local name = DATA_TYPES[t]
  if name == nil then error({ truncated = start, what = "a Data type tag", need = 0, actual = t }) end
  local text
  local item = tree:add(F.data, c.tvb(start, 1))
  item:add(F.data_type, c.tvb(start, 1))
  if t == 1 or t == 2 then
    local n = c:axdr_length(name .. " length")
    local parts = {}
    for i = 1, n do
      local part = read_data(c, item, "[" .. (i - 1) .. "]", depth + 1)
      if i <= MAX_SHOWN then parts[#parts + 1] = part end
    end
    if n > MAX_SHOWN then parts[#parts + 1] = "... " .. (n - MAX_SHOWN) .. " more" end
    local open, close = "[", "]"
    if t == 2 then open, close = "{", "}" end
    text = name .. " " .. open .. table.concat(parts, ", ") .. close
  elseif t == 4 then
    local bits = c:axdr_length("bit-string length")
    local r = c:take(math.ceil(bits / 8), "bit-string")
    text = name .. " " .. bits .. " bits " .. hex(r)
  elseif t == 9 or t == 10 or t == 12 then
    local n = c:axdr_length(name .. " length")
    local r = c:take(n, name)
    if n > MAX_STRING then
      -- A long string (a load profile, an image block) is summarized: the tree has the bytes.
      text = name .. " " .. hex(r(0, MAX_STRING)) .. "... (" .. n .. " B)"
    elseif t == 9 then
      local p = printable(r)
      local dt = date_time_text(r)
      text = name .. " " .. hex(r) .. ((dt and (" (" .. dt .. ")")) or (p and (' ("' .. p .. '")')) or "")
    else
      text = name .. ' "' .. r:raw() .. '"'
    end
  elseif t == 19 then
    skip_type_description(c, depth)
    local n = c:axdr_length("compact-array contents length")
    c:take(n, "compact-array contents")
    text = name .. " " .. n .. " B"
  else
    local size = DATA_FIXED_SIZE[t]
    local r = c:take(size, name)
    if size == 0 then
      text = name
    elseif t == 23 or t == 24 then
      text = name .. " " .. tostring(r:float())
    elseif t == 25 then
      text = name .. " " .. (date_time_text(r) or hex(r))
    elseif t == 26 or t == 27 then
      text = name .. " " .. hex(r)
    elseif t == 3 then
      text = name .. " " .. (r:uint() ~= 0 and "true" or "false")
    elseif size == 8 then
      text = name .. " " .. tostring(SIGNED_TYPES[t] and r:int64() or r:uint64())
    else
      text = name .. " " .. tostring(SIGNED_TYPES[t] and r:int() or r:uint())
    end
  end
  item:set_len(c.pos - start)
  item:set_text((label and (label .. ": ") or "Data: ") .. text)
  return text
end

------------------------------------------------------------------------------ xDLMS pieces

local function invoke(c, tree)
  local v, r = c:u8("invoke-id-and-priority")
  tree:add(F.invoke_id, r)
  tree:add(F.service_class, r)
  tree:add(F.priority, r)
  return "invoke " .. bit32.band(v, 0x0F)
end

-- Cosem-Attribute-Descriptor / Cosem-Method-Descriptor: class-id, instance-id (6), id (Integer8).
local function descriptor(c, tree, is_method)
  local start = c.pos
  local sub = tree:add(p_dlms, c.tvb(start, 9), is_method and "Cosem-Method-Descriptor" or "Cosem-Attribute-Descriptor")
  local class_id, cr = c:u16("class-id")
  sub:add(F.class_id, cr)
  local obis_r = c:take(6, "instance-id")
  local obis = obis_text(obis_r)
  sub:add(F.obis, obis_r, obis)
  local id_r = c:take(1, is_method and "method-id" or "attribute-id")
  sub:add(is_method and F.method or F.attribute, id_r)
  local text = string.format("class %d %s %s %d", class_id, obis, is_method and "method" or "attr", id_r:int())
  sub:append_text(": " .. text)
  return text
end

-- OPTIONAL Selective-Access-Descriptor: presence byte, then access-selector and parameters.
local function optional_selection(c, tree)
  if c:u8("access-selection presence") == 0 then return "" end
  local sel, r = c:u8("access-selector")
  tree:add(F.selector, r)
  read_data(c, tree, "Access-parameters")
  return " selector " .. sel
end

local function sequence_of(c, tree, what, each)
  local n, r = c:axdr_length(what .. " count")
  tree:add(F.count, r, n):prepend_text(what .. ": ")
  local parts = {}
  for i = 1, n do
    local part = each(i)
    if i <= MAX_SHOWN then parts[#parts + 1] = part end
  end
  if n > MAX_SHOWN then parts[#parts + 1] = "... " .. (n - MAX_SHOWN) .. " more" end
  return "[" .. table.concat(parts, "; ") .. "]"
end

local function data_access_result(c, tree)
  local v, r = c:u8("data-access-result")
  tree:add(F.data_access_result, r)
  if v ~= 0 then tree:add_proto_expert_info(E.error, "data-access-result " .. name_of(DATA_ACCESS_RESULT, v)) end
  return name_of(DATA_ACCESS_RESULT, v)
end

-- Get-Data-Result ::= CHOICE { data [0] Data, data-access-result [1] }.
local function get_data_result(c, tree)
  local choice = c:u8("Get-Data-Result choice")
  if choice == 0 then return read_data(c, tree, "Data") end
  if choice == 1 then return "data-access-result " .. data_access_result(c, tree) end
  error({ truncated = c.pos - 1, what = "Get-Data-Result choice 0 or 1", need = 0, actual = choice })
end

local function block_header(c, tree)
  local last, lr = c:u8("last-block")
  tree:add(F.last_block, lr)
  local n, nr = c:u32("block-number")
  tree:add(F.block_number, nr)
  return "block " .. n .. (last ~= 0 and " last" or "")
end

-- DataBlock-SA: last-block, block-number, raw-data OCTET STRING.
local function block_sa(c, tree)
  local head = block_header(c, tree)
  local n = c:axdr_length("raw-data length")
  tree:add(F.raw_data, c:take(n, "raw-data"))
  return head .. " " .. n .. " B"
end

local function block_number(c, tree)
  local n, r = c:u32("block-number")
  tree:add(F.block_number, r)
  return "block " .. n
end

local function action_result_with_data(c, tree)
  local v, r = c:u8("action-result")
  tree:add(F.action_result, r)
  if v ~= 0 then tree:add_proto_expert_info(E.error, "action-result " .. name_of(ACTION_RESULT, v)) end
  local text = name_of(ACTION_RESULT, v)
  if c:u8("return-parameters presence") ~= 0 then text = text .. " → " .. get_data_result(c, tree) end
  return text
end

local SERVICES = {}

SERVICES[0xC0] = { -- get-request
  function(c, t) local d = descriptor(c, t); return d .. optional_selection(c, t) end,
  function(c, t) return block_number(c, t) end,
  function(c, t) return sequence_of(c, t, "attribute-descriptor-list", function() return descriptor(c, t) .. optional_selection(c, t) end) end,
}
SERVICES[0xC4] = { -- get-response
  function(c, t) return "→ " .. get_data_result(c, t) end,
  function(c, t)
    local head = block_header(c, t)
    local choice = c:u8("DataBlock-G result choice")
    if choice == 0 then
      local n = c:axdr_length("raw-data length")
      t:add(F.raw_data, c:take(n, "raw-data"))
      return head .. " → raw-data " .. n .. " B"
    end
    return head .. " → data-access-result " .. data_access_result(c, t)
  end,
  function(c, t) return "→ " .. sequence_of(c, t, "result", function() return get_data_result(c, t) end) end,
}
SERVICES[0xC1] = { -- set-request
  function(c, t) local d = descriptor(c, t) .. optional_selection(c, t); return d .. " ← " .. read_data(c, t, "Value") end,
  function(c, t) local d = descriptor(c, t) .. optional_selection(c, t); return d .. " " .. block_sa(c, t) end,
  function(c, t) return block_sa(c, t) end,
  function(c, t)
    local list = sequence_of(c, t, "attribute-descriptor-list", function() return descriptor(c, t) .. optional_selection(c, t) end)
    return list .. " ← " .. sequence_of(c, t, "value-list", function(i) return read_data(c, t, "Value " .. i) end)
  end,
  function(c, t)
    local list = sequence_of(c, t, "attribute-descriptor-list", function() return descriptor(c, t) .. optional_selection(c, t) end)
    return list .. " " .. block_sa(c, t)
  end,
}
SERVICES[0xC5] = { -- set-response
  function(c, t) return "→ " .. data_access_result(c, t) end,
  function(c, t) return block_number(c, t) end,
  function(c, t) local r = data_access_result(c, t); return "→ " .. r .. " " .. block_number(c, t) end,
  function(c, t) local r = sequence_of(c, t, "result", function() return data_access_result(c, t) end); return "→ " .. r .. " " .. block_number(c, t) end,
  function(c, t) return "→ " .. sequence_of(c, t, "result", function() return data_access_result(c, t) end) end,
}
SERVICES[0xC3] = { -- action-request
  function(c, t)
    local d = descriptor(c, t, true)
    if c:u8("method-invocation-parameters presence") ~= 0 then d = d .. " ← " .. read_data(c, t, "Parameters") end
    return d
  end,
  function(c, t) return block_number(c, t) end,
  function(c, t)
    local list = sequence_of(c, t, "method-descriptor-list", function() return descriptor(c, t, true) end)
    return list .. " ← " .. sequence_of(c, t, "parameter-list", function(i) return read_data(c, t, "Parameters " .. i) end)
  end,
  function(c, t) local d = descriptor(c, t, true); return d .. " " .. block_sa(c, t) end,
  function(c, t) local list = sequence_of(c, t, "method-descriptor-list", function() return descriptor(c, t, true) end); return list .. " " .. block_sa(c, t) end,
  function(c, t) return block_sa(c, t) end,
}
SERVICES[0xC7] = { -- action-response
  function(c, t) return "→ " .. action_result_with_data(c, t) end,
  function(c, t) return block_sa(c, t) end,
  function(c, t) return "→ " .. sequence_of(c, t, "result", function() return action_result_with_data(c, t) end) end,
  function(c, t) return block_number(c, t) end,
}

local function conformance(c, tree)
  local head = c:take(4, "conformance header")
  if head:uint() ~= 0x5F1F0400 then error({ truncated = c.pos - 4, what = "5F1F0400 (conformance BIT STRING)", need = 0 }) end
  local r = c:take(3, "conformance")
  local v = r:uint()
  tree:add(F.conformance, r)
  local names = {}
  for i = 0, 23 do
    if bit32.band(v, bit32.lshift(1, 23 - i)) ~= 0 then names[#names + 1] = CONFORMANCE_BITS[i + 1] end
  end
  local text = #names > 0 and table.concat(names, ",") or "none"
  tree:add(F.conformance_names, r, text)
  return text
end

local function optional_u8(c, tree, label)
  if c:u8(label .. " presence") == 0 then return nil end
  local v, r = c:u8(label)
  tree:add(p_dlms, r, label .. ": " .. v)
  return v
end

local function initiate_request(c, t)
  if c:u8("dedicated-key presence") ~= 0 then
    local n = c:axdr_length("dedicated-key length")
    t:add(p_dlms, c:take(n, "dedicated-key"), "dedicated-key: (" .. n .. " bytes, not shown)")
  end
  optional_u8(c, t, "response-allowed")
  optional_u8(c, t, "proposed-quality-of-service")
  local version, vr = c:u8("proposed-dlms-version-number")
  t:add(F.dlms_version, vr)
  local conf = conformance(c, t)
  local pdu, pr = c:u16("client-max-receive-pdu-size")
  t:add(F.max_pdu, pr)
  return string.format("dlms %d conformance %s max-pdu %d", version, conf, pdu)
end

local function initiate_response(c, t)
  optional_u8(c, t, "negotiated-quality-of-service")
  local version, vr = c:u8("negotiated-dlms-version-number")
  t:add(F.dlms_version, vr)
  local conf = conformance(c, t)
  local pdu, pr = c:u16("server-max-receive-pdu-size")
  t:add(F.max_pdu, pr)
  local vaa, ar = c:u16("vaa-name")
  t:add(F.vaa_name, ar)
  return string.format("dlms %d conformance %s max-pdu %d vaa 0x%04X", version, conf, pdu, vaa)
end

local function exception_response(c, t)
  local s, sr = c:u8("state-error")
  t:add(F.state_error, sr)
  local e, er = c:u8("service-error")
  t:add(F.service_error, er)
  local text = name_of(STATE_ERROR, s) .. " " .. name_of(EXCEPTION_SERVICE_ERROR, e)
  if e == 6 then
    local ic, icr = c:u32("invocation-counter")
    t:add(F.invocation_counter, icr)
    text = text .. " " .. ic
  end
  t:add_proto_expert_info(E.error, "exception-response " .. text)
  return text
end

local function data_notification(c, t)
  local id, ir = c:u32("long-invoke-id-and-priority")
  t:add(F.long_invoke_id, ir)
  local n = c:axdr_length("date-time length")
  if n > 0 then t:add(F.date_time, c:take(n, "date-time")) end
  return string.format("invoke %d → %s", bit32.band(id, 0x00FFFFFF), read_data(c, t, "Notification-body"))
end

-- Ciphered xDLMS (Green Book 9.2.7.2.4): OCTET STRING of security header (SC, IC) + content.
local function ciphered(c, t)
  local n = c:axdr_length("ciphered length")
  local body_end = c.pos + n
  local sc, scr = c:u8("security control")
  t:add(F.security_control, scr)
  local ic, icr = c:u32("invocation counter")
  t:add(F.invocation_counter, icr)
  local rest = body_end - c.pos
  t:add(F.ciphertext, c:take(rest, "ciphered content"))
  return string.format("SC 0x%02X IC %d %d B", sc, ic, rest)
end

------------------------------------------------------------------------------ ACSE (BER)

-- X.690 definite length.
local function ber_length(c)
  local first = c:u8("BER length")
  if first < 0x80 then return first end
  local n = first - 0x80
  if n == 0 or n > 3 then error({ truncated = c.pos - 1, what = "a definite BER length", need = 0 }) end
  local v = 0
  for _ = 1, n do v = v * 256 + c:u8("BER length") end
  return v
end

-- The DLMS OIDs are {2 16 756 5 8 kind n}: 60 85 74 05 08 kind n.
local function dlms_oid(range, names)
  if range:len() == 7 and tostring(range(0, 5):bytes()):upper() == "6085740508" then
    local n = range(6, 1):uint()
    return (names[n] or ("unknown " .. n))
  end
  return "OID " .. hex(range)
end

local dissect_apdu -- forward

local AARQ_FIELDS = {
  [0x80] = "protocol-version", [0xA1] = "application-context-name", [0xA2] = "called-AP-title",
  [0xA3] = "called-AE-qualifier", [0xA4] = "called-AP-invocation-id", [0xA5] = "called-AE-invocation-id",
  [0xA6] = "calling-AP-title", [0xA7] = "calling-AE-qualifier", [0xA8] = "calling-AP-invocation-id",
  [0xA9] = "calling-AE-invocation-id", [0x8A] = "sender-acse-requirements", [0x8B] = "mechanism-name",
  [0xAC] = "calling-authentication-value", [0xBD] = "implementation-information", [0xBE] = "user-information",
}
local AARE_FIELDS = {
  [0x80] = "protocol-version", [0xA1] = "application-context-name", [0xA2] = "result",
  [0xA3] = "result-source-diagnostic", [0xA4] = "responding-AP-title", [0xA5] = "responding-AE-qualifier",
  [0xA6] = "responding-AP-invocation-id", [0xA7] = "responding-AE-invocation-id",
  [0x88] = "responder-acse-requirements", [0x89] = "mechanism-name", [0xAA] = "responding-authentication-value",
  [0xBD] = "implementation-information", [0xBE] = "user-information",
}
local RELEASE_FIELDS = { [0x80] = "reason", [0xBE] = "user-information" }

local function acse(c, tree, pinfo, tag)
  local fields = (tag == 0x60 and AARQ_FIELDS) or (tag == 0x61 and AARE_FIELDS) or RELEASE_FIELDS
  local n = ber_length(c)
  local stop = c.pos + n
  if stop > c.limit then error({ truncated = c.limit, what = n .. " bytes of ACSE content", need = n }) end
  local parts = {}
  local context, mechanism, result, diagnostic, reason, user
  while c.pos < stop do
    local start = c.pos
    local ftag = c:u8("ACSE field tag")
    local len = ber_length(c)
    local body = cursor(c.tvb, c.pos, c.pos + len)
    c:take(len, "ACSE field")
    local fname = fields[ftag] or string.format("[0x%02X]", ftag)
    local item = tree:add(F.acse_field, c.tvb(start, c.pos - start))
    item:set_text(fname)
    if fname == "application-context-name" and len >= 2 then
      body:take(2, "OID header") -- 06 07: EXPLICIT OBJECT IDENTIFIER
      context = dlms_oid(body:take(body:remaining(), "OID"), CONTEXT_NAMES)
      item:add(F.context, c.tvb(start, c.pos - start), context)
    elseif fname == "mechanism-name" then
      mechanism = dlms_oid(body:take(len, "OID"), MECHANISM_NAMES)
      item:add(F.mechanism, c.tvb(start, c.pos - start), mechanism)
    elseif fname == "result" and len >= 3 then
      body:take(2, "INTEGER header")
      local v, r = body:u8("result")
      item:add(F.result, r)
      result = name_of(ASSOCIATION_RESULT, v)
      if v ~= 0 then item:add_proto_expert_info(E.rejected, "association " .. result) end
    elseif fname == "result-source-diagnostic" and len >= 5 then
      local which = body:u8("diagnostic choice")
      body:take(3, "INTEGER header")
      local v, r = body:u8("diagnostic")
      local table_, field, label = ACSE_SERVICE_USER, F.diag_user, "acse-service-user"
      if which == 0xA2 then table_, field, label = ACSE_SERVICE_PROVIDER, F.diag_provider, "acse-service-provider" end
      item:add(field, r)
      diagnostic = label .. " " .. name_of(table_, v)
      item:add(F.diagnostic, r, diagnostic)
    elseif (fname == "calling-AP-title" or fname == "responding-AP-title") and len >= 2 then
      body:take(2, "OCTET STRING header")
      item:add(F.ap_title, body:take(body:remaining(), "AP-title"))
    elseif fname == "calling-authentication-value" or fname == "responding-authentication-value" then
      -- Shown by length only: a password or challenge has no place in a shared capture.
      item:add(F.auth_value, c.tvb(start, c.pos - start), "(" .. math.max(len - 2, 0) .. " bytes, not shown)")
    elseif fname == "reason" then
      local v, r = body:u8("reason")
      item:add(F.reason, r)
      reason = name_of(tag == 0x62 and RELEASE_REQUEST_REASON or RELEASE_RESPONSE_REASON, v)
      item:append_text(": " .. reason)
    elseif fname == "user-information" and len >= 2 then
      body:u8("OCTET STRING tag") -- 04
      local inner = ber_length(body)
      user = dissect_apdu(c.tvb(body.pos, inner):tvb(), pinfo, item)
    end
  end
  if context then parts[#parts + 1] = context end
  if mechanism then parts[#parts + 1] = "mechanism " .. mechanism end
  if result then
    table.insert(parts, 1, result .. (diagnostic and (" (" .. diagnostic .. ")") or ""))
  end
  if reason then parts[#parts + 1] = "reason " .. reason end
  local text = table.concat(parts, " ")
  if user then text = text .. " | " .. user end
  return text
end

------------------------------------------------------------------------------ the APDU dissector

-- Dissects one whole APDU in `tvb` under `parent`; returns its one-line summary.
dissect_apdu = function(tvb, pinfo, parent)
  local c = cursor(tvb)
  local tree = parent:add(p_dlms, tvb())
  local text
  local ok, err = pcall(function()
    local tag, tr = c:u8("APDU tag")
    local name = APDU_NAMES[tag] or string.format("unknown APDU 0x%02X", tag)
    tree:add(F.tag, tr)
    tree:add(F.apdu, tr, name)
    text = name
    local detail
    if tag >= 0x60 and tag <= 0x63 then
      detail = acse(c, tree, pinfo, tag)
    elseif SERVICES[tag] then
      local v, vr = c:u8(name .. " choice")
      local variant = VARIANTS[tag][v]
      local handler = SERVICES[tag][v]
      if not handler then error({ truncated = c.pos - 1, what = name .. " choice 1.." .. #VARIANTS[tag], need = 0, actual = v }) end
      tree:add(F.variant, vr, variant)
      text = name .. " " .. variant
      detail = invoke(c, tree) .. " " .. handler(c, tree)
    elseif tag == 0x01 then
      detail = initiate_request(c, tree)
    elseif tag == 0x08 then
      detail = initiate_response(c, tree)
    elseif tag == 0xD8 then
      detail = exception_response(c, tree)
    elseif tag == 0x0F then
      detail = data_notification(c, tree)
    elseif (tag >= 0x21 and tag <= 0x58) or (tag >= 0xC8 and tag <= 0xD7) then
      detail = ciphered(c, tree)
    else
      -- Named but not decoded further here (SN services, access, general-*): show the bytes.
      if c:remaining() > 0 then tree:add(F.rest, c:take(c:remaining())) end
    end
    if detail and detail ~= "" then text = text .. " " .. detail end
    if c:remaining() > 0 then
      tree:add_proto_expert_info(E.trailing, c:remaining() .. " byte(s) after the APDU")
    end
  end)
  if not ok then
    if type(err) ~= "table" then error(err, 0) end
    local what = err.what .. (err.actual and (", got " .. err.actual) or "")
    tree:add_proto_expert_info(E.truncated, "at byte " .. err.truncated .. ": expected " .. what)
    text = (text or "APDU") .. " [malformed at byte " .. err.truncated .. "]"
  end
  tree:append_text(": " .. text)
  return text
end

------------------------------------------------------------------------------ HDLC

-- CRC-16/X.25, as IEC 62056-46 (RFC 1662 FCS-16): reflected 0x8408, init and final xor 0xFFFF.
local FCS_TABLE = {}
for i = 0, 255 do
  local v = i
  for _ = 1, 8 do
    if bit32.band(v, 1) ~= 0 then v = bit32.bxor(bit32.rshift(v, 1), 0x8408) else v = bit32.rshift(v, 1) end
  end
  FCS_TABLE[i] = v
end

local function fcs16(tvb, from, to)
  local v = 0xFFFF
  for i = from, to - 1 do
    v = bit32.bxor(bit32.rshift(v, 8), FCS_TABLE[bit32.band(bit32.bxor(v, tvb(i, 1):uint()), 0xFF)])
  end
  return bit32.bxor(v, 0xFFFF)
end

-- Address bytes run until one with the low (extension) bit set: 1, 2 or 4 bytes.
local function hdlc_address(tvb, pos, limit)
  local n = 0
  repeat
    if pos + n >= limit then return nil end
    n = n + 1
  until bit32.band(tvb(pos + n - 1, 1):uint(), 1) == 1 or n == 4
  local b = {}
  for i = 1, n do b[i] = bit32.rshift(tvb(pos + i - 1, 1):uint(), 1) end
  local text
  if n == 1 then
    text = tostring(b[1])
  elseif n == 2 then
    text = b[1] .. "/" .. b[2]
  elseif n == 4 then
    text = (b[1] * 128 + b[2]) .. "/" .. (b[3] * 128 + b[4])
  else
    return nil
  end
  return n, text
end

local function frame_type(control)
  if bit32.band(control, 0x01) == 0 then return "I" end
  if bit32.band(control, 0x03) == 0x01 then return S_FRAMES[bit32.band(control, 0x0F)] or "S?" end
  return U_FRAMES[bit32.band(control, 0xEF)] or string.format("U? 0x%02X", control)
end

-- Segmented I-frame reassembly, done on the first pass in frame order: per link direction the
-- information fields so far; a frame with S=0 closes the APDU.
local pending_segments = {}
local reassembled = {}

local function parameters(tvb, tree, pos, stop)
  local c = cursor(tvb, pos, stop)
  local ok = pcall(function()
    c:u8("format identifier") -- 0x81
    c:u8("group identifier") -- 0x80
    local glen = c:u8("group length")
    local gstop = c.pos + glen
    while c.pos < gstop do
      local id = c:u8("parameter id")
      local len = c:u8("parameter length")
      local v = c:take(len, "parameter value")
      tree:add(H.parameter, v, (HDLC_PARAMETERS[id] or string.format("0x%02X", id)) .. " = " .. v:uint())
    end
  end)
  return ok
end

function p_hdlc.dissector(tvb, pinfo, root)
  local len = tvb:len()
  pinfo.cols.protocol = "DLMS HDLC"
  local tree = root:add(p_hdlc, tvb())
  local problems = {} -- shown in the Info column after the frame summary
  local function malformed(why)
    tree:add_proto_expert_info(HE.malformed, why)
    problems[#problems + 1] = why
    pinfo.cols.info = "malformed HDLC frame: " .. why
  end
  local pos = 0
  if len > 0 and tvb(0, 1):uint() == 0x7E then pos = 1 end
  if len - pos < 5 then return malformed("too short for an HDLC frame") end
  local fr = tvb(pos, 2)
  local format = fr:uint()
  local ft = tree:add(H.format, fr)
  ft:add(H.format_type, fr)
  ft:add(H.segmented, fr)
  ft:add(H.length, fr)
  local segmented = bit32.band(format, 0x0800) ~= 0
  local flen = bit32.band(format, 0x07FF)
  -- The length counts every byte between the flags (Green Book 8.4.1.3); a wrong one is flagged and
  -- the bytes actually present are decoded.
  local present = len - pos
  if len > pos and tvb(len - 1, 1):uint() == 0x7E then present = present - 1 end
  local frame_end = pos + present -- exclusive: the byte after the FCS
  if flen ~= present then malformed("length field " .. flen .. ", but " .. present .. " bytes between the flags") end
  local dn, dst = hdlc_address(tvb, pos + 2, frame_end)
  if not dn then return malformed("no destination address") end
  tree:add(H.dst, tvb(pos + 2, dn), dst)
  local sn, src = hdlc_address(tvb, pos + 2 + dn, frame_end)
  if not sn then return malformed("no source address") end
  tree:add(H.src, tvb(pos + 2 + dn, sn), src)
  local cpos = pos + 2 + dn + sn
  if cpos + 3 > frame_end then return malformed("no control field and FCS") end
  local cr = tvb(cpos, 1)
  local control = cr:uint()
  local ftype = frame_type(control)
  local ct = tree:add(H.control, cr)
  ct:add(H.type, cr, ftype)
  local summary = ftype
  if ftype == "I" then
    ct:add(H.ns, cr, bit32.band(bit32.rshift(control, 1), 7))
    summary = summary .. " N(S)=" .. bit32.band(bit32.rshift(control, 1), 7)
  end
  if ftype == "I" or ftype == "RR" or ftype == "RNR" then
    ct:add(H.nr, cr, bit32.rshift(control, 5))
    summary = summary .. " N(R)=" .. bit32.rshift(control, 5)
  end
  ct:add(H.pf, cr)
  summary = summary .. " P/F=" .. bit32.band(bit32.rshift(control, 4), 1)
  ct:append_text(" (" .. summary .. ")")

  local fcs_at = frame_end - 2
  local info_at, info_len = nil, 0
  if fcs_at > cpos + 1 then
    -- Information present: HCS over format..control, then the information field.
    local hcs_at = cpos + 1
    if hcs_at + 2 > fcs_at then return malformed("no room for the HCS") end
    local hcs_r = tvb(hcs_at, 2)
    local hcs_item = tree:add(H.hcs, hcs_r, hcs_r:le_uint())
    local hcs_ok = fcs16(tvb, pos, hcs_at) == hcs_r:le_uint()
    hcs_item:add(H.hcs_ok, hcs_r, hcs_ok and 1 or 0)
    if not hcs_ok then
      hcs_item:add_proto_expert_info(HE.bad_hcs, string.format("HCS should be %04X", fcs16(tvb, pos, hcs_at)))
      problems[#problems + 1] = "wrong HCS"
    end
    info_at, info_len = hcs_at + 2, fcs_at - hcs_at - 2
  end
  local fcs_r = tvb(fcs_at, 2)
  local fcs_item = tree:add(H.fcs, fcs_r, fcs_r:le_uint())
  local fcs_ok = fcs16(tvb, pos, fcs_at) == fcs_r:le_uint()
  fcs_item:add(H.fcs_ok, fcs_r, fcs_ok and 1 or 0)
  if not fcs_ok then
    fcs_item:add_proto_expert_info(HE.bad_fcs, string.format("FCS should be %04X", fcs16(tvb, pos, fcs_at)))
    problems[#problems + 1] = "wrong FCS"
  end
  if segmented then summary = summary .. " seg" end
  if info_len > 0 then summary = summary .. " " .. info_len .. " B" end
  if #problems > 0 then summary = summary .. " [" .. table.concat(problems, "; ") .. "]" end
  tree:append_text(": " .. summary .. ", " .. dst .. " ← " .. src)
  pinfo.cols.src = src
  pinfo.cols.dst = dst
  pinfo.cols.info = summary

  if info_len == 0 then return end
  local info = tvb(info_at, info_len)
  if ftype == "SNRM" or ftype == "UA" then
    local it = tree:add(H.info, info)
    parameters(tvb, it, info_at, info_at + info_len)
    return
  end
  if ftype ~= "I" and ftype ~= "UI" then
    tree:add(H.info, info)
    return
  end

  -- Segments: collect per direction on the first pass; the last one carries the whole APDU.
  local key = dst .. "<" .. src
  if not pinfo.visited and fcs_ok then
    local so_far = pending_segments[key]
    if segmented or so_far then
      local bytes = (so_far or ByteArray.new()) .. info:bytes()
      if segmented then
        pending_segments[key] = bytes
        reassembled[pinfo.number] = false
      else
        pending_segments[key] = nil
        reassembled[pinfo.number] = bytes
      end
    end
  end
  local whole = reassembled[pinfo.number]
  local apdu_tvb
  if whole == false then
    tree:add(H.fragment, info, "segment of an APDU, reassembled in the frame with S=0")
    return
  elseif whole then
    apdu_tvb = whole:tvb("Reassembled APDU")
    tree:add(H.fragment, info, "last segment: APDU of " .. whole:len() .. " bytes reassembled")
  else
    apdu_tvb = info:tvb()
  end

  -- LLC header (Green Book 8.4.6.2): E6 E6 00 command, E6 E7 00 response.
  local apos = 0
  if apdu_tvb:len() >= 3 and apdu_tvb(0, 1):uint() == LLC_DSAP then
    local ssap = apdu_tvb(1, 1):uint()
    if ssap == LLC_SSAP_REQUEST or ssap == LLC_SSAP_RESPONSE then
      local llc = tree:add(p_hdlc, apdu_tvb(0, 3), "LLC")
      llc:add(H.llc_dsap, apdu_tvb(0, 1))
      llc:add(H.llc_ssap, apdu_tvb(1, 1))
      llc:add(H.llc_quality, apdu_tvb(2, 1))
      apos = 3
    end
  end
  if apdu_tvb:len() <= apos then return end
  pinfo.cols.protocol = "DLMS"
  local apdu_text = dissect_apdu(apdu_tvb(apos):tvb(), pinfo, root)
  pinfo.cols.info = summary .. " | " .. apdu_text
end

------------------------------------------------------------------------------ wrapper over TCP/UDP

local WRAPPER_HEADER = 8

local function wrapper_pdu_length(tvb, pinfo, offset)
  if tvb(offset, 2):uint() ~= 1 then return tvb:len() - offset end -- not a wrapper: take the rest
  return WRAPPER_HEADER + tvb(offset + 6, 2):uint()
end

local function dissect_wrapper_pdu(tvb, pinfo, root)
  pinfo.cols.protocol = "DLMS"
  local tree = root:add(p_wrapper, tvb(0, math.min(WRAPPER_HEADER, tvb:len())))
  if tvb:len() < WRAPPER_HEADER then
    tree:add_proto_expert_info(WE.bad_version, "shorter than the 8-byte wrapper header")
    return tvb:len()
  end
  tree:add(W.version, tvb(0, 2))
  tree:add(W.src, tvb(2, 2))
  tree:add(W.dst, tvb(4, 2))
  tree:add(W.length, tvb(6, 2))
  local version, src, dst, n = tvb(0, 2):uint(), tvb(2, 2):uint(), tvb(4, 2):uint(), tvb(6, 2):uint()
  tree:append_text(string.format(": wPort %d → %d, %d B", src, dst, n))
  if version ~= 1 then
    tree:add_proto_expert_info(WE.bad_version, "version " .. version)
    pinfo.cols.info = "not a wrapper PDU (version " .. version .. ")"
    return tvb:len()
  end
  local body = math.min(n, tvb:len() - WRAPPER_HEADER)
  local text = body > 0 and dissect_apdu(tvb(WRAPPER_HEADER, body):tvb(), pinfo, root) or "(empty)"
  pinfo.cols.info = string.format("wPort %d → %d | %s", src, dst, text)
  return tvb:len()
end

function p_wrapper.dissector(tvb, pinfo, root)
  -- TCP: PDUs may span or share segments; dissect_tcp_pdus reassembles by the length field.
  if pinfo.port_type == 2 then
    dissect_tcp_pdus(tvb, root, WRAPPER_HEADER, wrapper_pdu_length, dissect_wrapper_pdu)
    return tvb:len()
  end
  return dissect_wrapper_pdu(tvb, pinfo, root)
end

DissectorTable.get("wtap_encap"):add(wtap_encaps.USER0, p_hdlc)
DissectorTable.get("tcp.port"):add(DLMS_PORT, p_wrapper)
DissectorTable.get("udp.port"):add(DLMS_PORT, p_wrapper)
