import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form } from "antd";
import { useT } from "../../i18n/index.tsx";
import { ClassEditor } from "./ClassEditor.tsx";

const emptyClass = () => ({ code: "", labelZh: "", labelEn: "", rules: [] });

/** The classes in the order they are tried; moving one up gives it priority. */
export function ClassesEditor() {
  const t = useT();
  return (
    <Form.List
      name={["definition", "classes"]}
      rules={[
        {
          validator: async (_, list: unknown[] | undefined) => {
            if (!list || list.length === 0) throw new Error(t("grading.draft.classRequired"));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={12}>
          {fields.map((f) => (
            <ClassEditor
              key={f.key}
              name={f.name}
              count={fields.length}
              onMove={(to) => move(f.name, to)}
              onRemove={() => remove(f.name)}
            />
          ))}
          <Form.ErrorList errors={errors} />
          <div>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyClass())}>
              {t("grading.draft.addClass")}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
