// The language server's custom requests and notifications, sent with the names and types of the
// protocol module (shared/src/protocol.ts), so that a name and its parameters cannot drift apart.
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NotificationMethod, Notifications, RequestMethod, RequestParams, RequestResult } from '../../shared/src/protocol';

export function request<M extends RequestMethod>(client: LanguageClient, method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
  return client.sendRequest<RequestResult<M>>(method, params);
}

export function notify<M extends NotificationMethod>(client: LanguageClient, method: M, params: Notifications[M]): Promise<void> {
  return client.sendNotification(method, params);
}
