import { Flex, Tag } from "antd";
import { useRoleName } from "./useRoleName.ts";

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const roleName = useRoleName();
  return (
    <Flex wrap gap={4}>
      {roles.map((code) => (
        <Tag key={code} color={code === "admin" ? "volcano" : "blue"} style={{ marginInlineEnd: 0 }}>
          {roleName(code)}
        </Tag>
      ))}
    </Flex>
  );
}
