import { InboxOutlined } from "@ant-design/icons";
import { Upload } from "antd";

/** One file dropped or picked, handed over at once; nothing is uploaded by antd itself. */
export function FileDropZone(props: {
  testId: string;
  accept: string;
  text: string;
  hint: string;
  onFile: (file: File) => void;
}) {
  return (
    <div data-testid={props.testId}>
      <Upload.Dragger
        accept={props.accept}
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          props.onFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{props.text}</p>
        <p className="ant-upload-hint">{props.hint}</p>
      </Upload.Dragger>
    </div>
  );
}
