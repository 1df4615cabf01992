import { Empty } from "antd";

/** A tab whose content arrives with a later capability. */
export function LaterCapabilityTab({ description }: { description: string }) {
  return <Empty style={{ padding: "48px 0" }} description={description} />;
}
