import { getNamedType, getOperationAST, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';

/**
 * Fields whose values are the public catalogue and nothing else: the same for every guest, changed
 * only by catalogue changes (catalogue_changed) and availability changes (availabilityChanged), or,
 * for salesStatus, by the clock. An operation made of these fields alone may be answered to any
 * guest from a result computed for another. Anything else (a viewer's bookings, an organizer's
 * fields, the waiting room's live line) keeps an operation out, so a field added later is not
 * cached until someone puts it here knowing what it depends on.
 */
const PUBLIC_CATALOGUE_FIELDS = new Set([
  'Query.concert',
  'Query.concerts',
  'ConcertConnection.edges',
  'ConcertConnection.pageInfo',
  'ConcertEdge.cursor',
  'ConcertEdge.node',
  'PageInfo.endCursor',
  'PageInfo.hasNextPage',
  'PageInfo.hasPreviousPage',
  'PageInfo.startCursor',
  'Concert.id',
  'Concert.name',
  'Concert.venue',
  'Concert.startsAt',
  'Concert.timeZone',
  'Concert.onSaleAt',
  'Concert.salesStatus',
  'Concert.maxTicketsPerOrder',
  'Concert.maxTicketsPerCustomer',
  'Concert.holdMinutes',
  'Concert.tiers',
  'Concert.waitingRoom',
  'Concert.cancelledAt',
  'Concert.cancellationReason',
  'ConcertWaitingRoom.enabled',
  'ConcertWaitingRoom.opensAt',
  'ConcertWaitingRoom.drawsAt',
  'ConcertWaitingRoom.admissionMinutes',
  'TicketTier.id',
  'TicketTier.name',
  'TicketTier.price',
  'TicketTier.capacity',
  'TicketTier.available',
  'TicketTier.concert',
  'Money.cents',
  'Money.currency',
]);

/** Where `concert(id:)` takes its id: a variable of the operation, or a literal in the document. */
export type ConcertIdSource = { variable: string } | { literal: string };

/**
 * What a cached result of the operation must be forgotten on: a change of any concert (`all`: a
 * list, whose membership and order any concert's change can move), or of the concerts named by
 * the ids of its `concert(id:)` fields.
 */
export type CatalogueDependency = 'all' | ConcertIdSource[];

/**
 * Whether an operation of the document reads the public catalogue only, and if so what it depends
 * on; null otherwise. Runs once per document (the caller keeps the answer), over every fragment.
 */
export function catalogueDependencyOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CatalogueDependency | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return null;
  // Fragments are checked whether this operation spreads them or not: simpler, and only stricter.
  const others = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition !== operation);
  if (others.length > 0) return null;
  const typeInfo = new TypeInfo(schema);
  let publicOnly = true;
  let dependsOnAll = false;
  const concertIds: ConcertIdSource[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive(node) {
        // @include/@skip are fine; @defer/@stream and anything else change what a result is.
        if (node.name.value !== 'include' && node.name.value !== 'skip') publicOnly = false;
      },
      Field(node) {
        if (node.name.value === '__typename') return false;
        const parent = typeInfo.getParentType();
        const coordinate = `${parent ? getNamedType(parent).name : '?'}.${node.name.value}`;
        if (!PUBLIC_CATALOGUE_FIELDS.has(coordinate)) {
          publicOnly = false;
          return false;
        }
        if (coordinate === 'Query.concerts') dependsOnAll = true;
        if (coordinate === 'Query.concert') {
          const id = concertIdSource(node.arguments?.find((argument) => argument.name.value === 'id')?.value);
          if (id) concertIds.push(id);
          else publicOnly = false;
        }
        return undefined;
      },
    }),
  );
  if (!publicOnly) return null;
  return dependsOnAll || concertIds.length === 0 ? 'all' : concertIds;
}

function concertIdSource(value: ValueNode | undefined): ConcertIdSource | null {
  if (value?.kind === Kind.VARIABLE) return { variable: value.name.value };
  if (value?.kind === Kind.STRING) return { literal: value.value };
  return null;
}
