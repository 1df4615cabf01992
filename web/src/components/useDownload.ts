import { App } from "antd";
import { useCallback, useState } from "react";
import { downloadFile, type Query } from "../api/client.ts";
import { useErrorMessage } from "../api/useErrorMessage.ts";

/** Downloads a file the API serves, tracking whether it is under way and reporting a failure. */
export function useDownload(): {
  download: (url: string, fallbackName: string, query?: Query) => Promise<boolean>;
  downloading: boolean;
} {
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [downloading, setDownloading] = useState(false);
  const download = useCallback(
    async (url: string, fallbackName: string, query?: Query) => {
      setDownloading(true);
      try {
        await downloadFile(url, fallbackName, { query });
        return true;
      } catch (e) {
        message.error(errorMessage(e));
        return false;
      } finally {
        setDownloading(false);
      }
    },
    [message, errorMessage],
  );
  return { download, downloading };
}
