import { Select } from "antd";
import { useRoles } from "../api/roles.ts";
import { useRoleName } from "./useRoleName.ts";

interface Common {
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}
type Props = Common &
  (
    | { multiple: true; value?: string[]; onChange?: (value: string[]) => void }
    | { multiple?: false; value?: string; onChange?: (value: string | undefined) => void }
  );

export function RoleSelect(props: Props) {
  const roles = useRoles();
  const roleName = useRoleName();
  const options = (roles.data?.items ?? []).map((r) => ({ value: r.code, label: roleName(r.code) }));
  const common = {
    id: props.id,
    placeholder: props.placeholder,
    allowClear: props.allowClear,
    style: props.style,
    loading: roles.isPending,
    showSearch: { optionFilterProp: "label" },
    options,
  };
  return props.multiple ? (
    <Select<string[]> {...common} mode="multiple" value={props.value} onChange={(v) => props.onChange?.(v)} />
  ) : (
    <Select<string> {...common} value={props.value} onChange={(v) => props.onChange?.(v)} />
  );
}
