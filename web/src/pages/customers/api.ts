import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type {
  CappedPage,
  Contact,
  ContactCreate,
  ContactUpdate,
  Customer,
  CustomerCreate,
  CustomerOverview,
  CustomerUpdate,
  GroupSummary,
  Member,
  MemberCreate,
  Page,
  StatusChange,
} from "../../api/types.ts";

export type CustomerSort = "name" | "code" | "grade" | "revenueToDate" | "handsets" | "updatedAt";

/** Multi-valued filters travel comma-separated (`grade=A,B`), as the API reads them. */
export interface CustomerListParams {
  q?: string;
  grade?: string;
  valueTier?: string;
  marketSegment?: string;
  status?: string;
  industrySection?: string;
  orgUnitId?: string;
  accountManagerId?: string;
  important?: "true";
  sort?: CustomerSort;
  order?: "asc" | "desc";
  limit: number;
  offset: number;
}

export interface MemberListParams {
  q?: string;
  payer?: "group" | "member";
  current: "true" | "false";
  limit: number;
  offset: number;
}

const path = (id: string, rest = "") => `/customers/${encodeURIComponent(id)}${rest}`;
/** The API path of one customer, or of something under it (`/merges`). */
export const customerPath = path;

export const customerKeys = {
  all: ["customers"] as const,
  list: (p: CustomerListParams) => ["customers", "list", p] as const,
  search: (q: string) => ["customers", "search", q] as const,
  detail: (id: string) => ["customers", "detail", id] as const,
  overview: (id: string) => ["customers", "detail", id, "overview"] as const,
  /** Keyed by the parent: every part of a group shares one summary. */
  group: (parentId: string) => ["customers", "group", parentId] as const,
  members: (id: string, p: MemberListParams) => ["customers", "detail", id, "members", p] as const,
  completeness: (id: string) => ["customers", "detail", id, "completeness"] as const,
  merges: (id: string) => ["customers", "detail", id, "merges"] as const,
  assignments: (id: string) => ["customers", "detail", id, "assignments"] as const,
  archive: (orgUnitId: string | undefined) => ["customers", "archive", orgUnitId ?? null] as const,
  duplicates: (p: DuplicateListParams) => ["customers", "duplicates", p] as const,
  managerLoad: (orgUnitId: string | undefined) => ["customers", "managerLoad", orgUnitId ?? null] as const,
};

export interface DuplicateListParams {
  orgUnitId?: string;
  limit: number;
  offset: number;
}

export function useCustomers(params: CustomerListParams) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) => api.get<CappedPage<Customer>>("/customers", { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerOverview(id: string | undefined) {
  return useQuery({
    queryKey: customerKeys.overview(id ?? ""),
    queryFn: ({ signal }) => api.get<CustomerOverview>(path(id ?? "", "/overview"), undefined, signal),
    enabled: !!id,
  });
}

/**
 * The summary of the group headed by `parentId`, answered to anyone who sees the parent or any of its
 * subsidiaries; each part says whether the caller may open it.
 */
export function useCustomerGroup(parentId: string | undefined) {
  return useQuery({
    queryKey: customerKeys.group(parentId ?? ""),
    queryFn: ({ signal }) => api.get<GroupSummary>(path(parentId ?? "", "/group"), undefined, signal),
    enabled: !!parentId,
  });
}

export function useMembers(customerId: string, params: MemberListParams) {
  return useQuery({
    queryKey: customerKeys.members(customerId, params),
    queryFn: ({ signal }) => api.get<Page<Member>>(path(customerId, "/members"), { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A write to a customer refreshes every list and view of customers. */
function useCustomerWrite<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

/** A write to a customer's members or contacts refreshes that customer's views only. */
function useCustomerPartWrite<V, R>(customerId: string, fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}

export const useCreateCustomer = () =>
  useCustomerWrite((body: CustomerCreate) => api.post<Customer>("/customers", body));

export const useUpdateCustomer = () =>
  useCustomerWrite(({ id, ...body }: CustomerUpdate & { id: string }) => api.patch<Customer>(path(id), body));

export const useChangeStatus = () =>
  useCustomerWrite(({ id, ...body }: StatusChange & { id: string }) =>
    api.post<Customer>(path(id, "/status"), body),
  );

export const useAddMember = (customerId: string) =>
  useCustomerPartWrite(customerId, (body: MemberCreate) =>
    api.post<Member>(path(customerId, "/members"), body),
  );

export const useLeaveMember = (customerId: string) =>
  useCustomerPartWrite(customerId, (memberId: string) =>
    api.post<Member>(path(customerId, `/members/${encodeURIComponent(memberId)}/leave`), {}),
  );

export const useCreateContact = (customerId: string) =>
  useCustomerPartWrite(customerId, (body: ContactCreate) =>
    api.post<Contact>(path(customerId, "/contacts"), body),
  );

export const useUpdateContact = (customerId: string) =>
  useCustomerPartWrite(customerId, ({ id, ...body }: ContactUpdate & { id: string }) =>
    api.patch<Contact>(path(customerId, `/contacts/${encodeURIComponent(id)}`), body),
  );

export const useDeleteContact = (customerId: string) =>
  useCustomerPartWrite(customerId, (contactId: string) =>
    api.delete(path(customerId, `/contacts/${encodeURIComponent(contactId)}`)),
  );
