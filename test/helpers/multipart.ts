import { randomBytes } from "node:crypto";

/** A multipart/form-data body holding one file in the field "file", as a browser uploads it. */
export function multipartFile(fileName: string, content: Buffer) {
  const boundary = `----jike${randomBytes(8).toString("hex")}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}
