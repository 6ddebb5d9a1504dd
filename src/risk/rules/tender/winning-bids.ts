import { raw, SqlFragment } from '../../../database/sql-template';

/** A contract's winning bid, as joins onto the contract and expressions over them (see winningBid). */
export interface WinningBid {
  /** The `left join`s to put after the contract in FROM. */
  readonly joins: SqlFragment;
  /** True when the contract's winning bid is on record. */
  readonly found: SqlFragment;
  readonly bidderKey: SqlFragment;
  readonly bidderTin: SqlFragment;
  /** The winning bid's price; null when it is not on record or the bid row has no price. */
  readonly amount: SqlFragment;
}

/**
 * The bid of status `winner` (egp-bidders) that won contract `contract` (an alias of egp_contracts). A project
 * may be awarded in lots to several winners, so the bid is the winner's by tax id; when the contract's tax id
 * does not match (missing or damaged in e-GP), the project's winning bid is used only if it has exactly one.
 * A contract with neither has none (`found` false): its winning bid is unknown. `amount` may be null (a bid
 * row without its price).
 *
 * Given as joins onto the contract's own row, not as a CTE over a second scan of egp_contracts, so that a rule
 * stays one flat SELECT that PostgreSQL can inline into the run's insert (evidence built only for the rows
 * kept). `as` prefixes the aliases of the joined relations.
 * Shared by contract-above-winning-bid, close-runner-up and abnormally-low-bid.
 */
export function winningBid(contract: string, as = 'wb'): WinningBid {
  const byTin = `${as}_by_tin`;
  const onlyOne = `${as}_only_one`;
  return {
    joins: raw(
      `left join egp_bids ${byTin}
              on ${byTin}.project_id = ${contract}.project_id and ${byTin}.status = 'winner' and ${byTin}.bidder_tin = ${contract}.winner_tin
       left join (select project_id, min(bidder_key) as bidder_key, min(bidder_tin) as bidder_tin, min(bid_amount) as bid_amount
                    from egp_bids
                   where status = 'winner'
                   group by project_id
                  having count(*) = 1) ${onlyOne}
              on ${onlyOne}.project_id = ${contract}.project_id`,
    ),
    found: raw(`(${byTin}.bidder_key is not null or ${onlyOne}.bidder_key is not null)`),
    bidderKey: raw(`coalesce(${byTin}.bidder_key, ${onlyOne}.bidder_key)`),
    bidderTin: raw(`coalesce(${byTin}.bidder_tin, ${onlyOne}.bidder_tin)`),
    amount: raw(`(case when ${byTin}.bidder_key is not null then ${byTin}.bid_amount else ${onlyOne}.bid_amount end)`),
  };
}
