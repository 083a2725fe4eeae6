/**
 * Loket — pengirim jawaban Google Form ke webhook Loket.
 * Dipasang sebagai installable trigger "On form submit" (lihat PANDUAN.md).
 *
 * Script Properties yang wajib diisi:
 *   LOKET_WEBHOOK_URL    contoh https://<url-fungsi>/webhooks/google-forms
 *   LOKET_WEBHOOK_SECRET rahasia bersama (sama dengan GOOGLE_FORMS_WEBHOOK_SECRET di server)
 */

var MAX_ATTEMPTS = 5;

function onSubmit(e) {
  var props = PropertiesService.getScriptProperties();
  var payload = buildPayload(FormApp.getActiveForm().getId(), e.response);
  deliver(props.getProperty('LOKET_WEBHOOK_URL'), props.getProperty('LOKET_WEBHOOK_SECRET'), JSON.stringify(payload));
}

/** The webhook body: one entry per answered question; file uploads carry Drive file ids. */
function buildPayload(formId, response) {
  var answers = response.getItemResponses().map(function (ir) {
    var item = ir.getItem();
    var type = String(item.getType());
    var raw = ir.getResponse();
    var values = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    var answer = { questionId: String(item.getId()), title: item.getTitle(), type: type, values: values };
    if (type === 'FILE_UPLOAD') {
      answer.files = values.map(function (id) {
        var file = DriveApp.getFileById(id);
        return { fileId: id, fileName: file.getName(), mimeType: file.getMimeType() };
      });
    }
    return answer;
  });
  var body = {
    formId: formId,
    responseId: response.getId(),
    submittedAt: response.getTimestamp().toISOString(),
    answers: answers,
  };
  var email = response.getRespondentEmail();
  if (email) body.respondentEmail = email;
  // The applicant's fix link; it edits only where the form allows editing after submit (PANDUAN.md, step 5).
  var editUrl = response.getEditResponseUrl();
  if (editUrl) body.editUrl = editUrl;
  return body;
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, exactly as the server verifies it. */
function sign(secret, timestamp, body) {
  var bytes = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  return (
    'sha256=' +
    bytes
      .map(function (b) {
        return ('0' + (b & 0xff).toString(16)).slice(-2);
      })
      .join('')
  );
}

/**
 * Whether an answer from Loket ends the delivery. 409 (the case was being changed at that moment) and
 * 429 are worth another try like 5xx; other 4xx are final and logged for the admin.
 */
function isFinal(code) {
  return code < 500 && code !== 409 && code !== 429;
}

/** Retries network errors, 409, 429 and 5xx with exponential backoff; other answers are final. */
function deliver(url, secret, body) {
  for (var attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    var timestamp = String(Math.floor(Date.now() / 1000)); // fresh per attempt: the server allows 5 minutes
    try {
      var res = UrlFetchApp.fetch(url, {
        method: 'post',
        contentType: 'application/json',
        payload: body,
        muteHttpExceptions: true,
        headers: { 'X-Loket-Timestamp': timestamp, 'X-Loket-Signature': sign(secret, timestamp, body) },
      });
      var code = res.getResponseCode();
      if (isFinal(code)) {
        if (code >= 400) console.error('Loket menolak kiriman: HTTP ' + code + ' ' + res.getContentText());
        return code;
      }
    } catch (err) {
      console.warn('Gagal mengirim (percobaan ' + attempt + '): ' + err);
    }
    Utilities.sleep(Math.min(60000, 1000 * Math.pow(2, attempt)));
  }
  // Not lost: the scheduled reconciliation on the server reads the Forms API and picks it up.
  console.error('Kiriman belum berhasil setelah ' + MAX_ATTEMPTS + ' percobaan; akan diambil oleh rekonsiliasi.');
}

if (typeof module !== 'undefined') module.exports = { buildPayload: buildPayload, sign: sign, isFinal: isFinal };
