import { Client } from 'pg';

/**
 * A synthetic province for the rule bench, written straight into the tables with `INSERT … SELECT` over
 * `generate_series` (no CSV import): `contracts` e-GP contracts over FY2568–2569 (1 Oct 2024 – 30 Sep 2026)
 * from 800 agencies, with their bids, tender events, committees, deliveries, GFMIS payments and
 * disbursement reports, vendors, blacklist, internal-control plans and results, complaints and findings.
 *
 * Every value is a function of the row number (`pg_temp.rnd(i, salt)`, a hash, not `random()`), so a
 * given size always gives the same data. Values are plausible and most entities are clear; each rule has
 * a few per cent of anomalies to find (see the fractions below), so flags, evidence and the merge into
 * `flags` cost what they would in a real run.
 *
 * The shape, for `contracts` = N:
 * - 800 agencies; contracts per agency skewed (agency = 800·r^1.3), 2% of contracts with no agency code.
 * - Methods: 75% specific, 12% e-bidding, 8% e-market, 3% selection, 2% price inquiry.
 * - 50,000 vendors (48,000 in the registry); an agency buys from a local pool (150 vendors for the specific
 *   method, overlapping its neighbours' pools; the first 15 are its contractors for competitive tenders), the
 *   rest from anyone.
 * - Bids for competitive contracts (4% have none on record): 1–5 bidders, mostly from the contractor pool.
 * - Committees: a procurement officer, an evaluation/selection committee of 3 for competitive methods, an
 *   inspection committee (3 people above 100,000 THB, 1 below) drawn from 40 staff per agency.
 * - Deliveries: 1–3 installments per contract; GFMIS payments: one per accepted installment, ~0.4%
 *   duplicated, plus 0.4·N payments not tied to e-GP.
 */
export interface GeneratedCounts {
  [table: string]: number;
}

export const FISCAL_YEARS = [2568, 2569] as const;
const AGENCIES = 800;
const VENDORS = 50_000;
const VENDORS_IN_REGISTRY = 48_000;
const STAFF_PER_AGENCY = 40;

/** Helper functions, in the generating session only. */
const FUNCTIONS = [
  // uniform in [0, 1) from a row number and a salt
  `create function pg_temp.rnd(i bigint, salt int) returns float8 language sql immutable parallel safe as
   $$ select ((hashint8extended(i, salt::bigint) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$`,
  // a valid 13-digit juristic id for vendor n: 0105 + 8 digits + check digit (weights 13..2)
  `create function pg_temp.tin(n int) returns text language sql immutable parallel safe as
   $$ select '0105' || lpad(n::text, 8, '0') || ((11 - (62 + 9 * (n / 10000000 % 10) + 8 * (n / 1000000 % 10)
          + 7 * (n / 100000 % 10) + 6 * (n / 10000 % 10) + 5 * (n / 1000 % 10) + 4 * (n / 100 % 10)
          + 3 * (n / 10 % 10) + 2 * (n % 10)) % 11) % 10)::text $$`,
  // staff member k of agency a (citizen-id-like)
  `create function pg_temp.person(a int, k int) returns text language sql immutable parallel safe as
   $$ select '3' || lpad((a * 100 + k)::text, 12, '0') $$`,
  `create function pg_temp.agency(a int) returns text language sql immutable parallel safe as
   $$ select (10000 + a)::text $$`,
];

/**
 * The contracts' drawn attributes, kept in a temporary table so that bids, committees, deliveries and
 * payments are drawn from the same contract. `pool` is the first vendor of the agency's local pool.
 */
const GEN = `
create temporary table gen as
select i as id, ag.a, ag.pool, dt.fy, dt.cdate, mm.method, mm.competitive,
       (dt.fy - 2500)::text || lpad(i::text, 9, '0') as project_id,
       (i % 997 + 1)::text || '/' || dt.fy as contract_no,
       pr.ref, pr.budget, pr.price, w.vn,
       case when pg_temp.rnd(i, 11) < 0.01 then null
            when pg_temp.rnd(i, 11) < 0.015 then left(pg_temp.tin(w.vn), 12) || ((right(pg_temp.tin(w.vn), 1)::int + 1) % 10)::text
            else pg_temp.tin(w.vn) end as winner_tin,
       pg_temp.rnd(i, 11) >= 0.015 as tin_valid,
       case when not mm.competitive then 0
            when pg_temp.rnd(i, 12) < 0.04 then 0
            when mm.method = 'selection' then case when pg_temp.rnd(i, 13) < 0.03 then 1 when pg_temp.rnd(i, 13) < 0.10 then 2
                                                   else 3 + floor(pg_temp.rnd(i, 14) * 3)::int end
            when pg_temp.rnd(i, 13) < 0.08 then 1
            when pg_temp.rnd(i, 13) < 0.22 then 2
            else 3 + floor(pg_temp.rnd(i, 14) * 3)::int end as nbids,
       case when pg_temp.rnd(i, 15) < 0.60 then 1 when pg_temp.rnd(i, 15) < 0.85 then 2 else 3 end as installments,
       15 + floor(pg_temp.rnd(i, 16) * 165)::int as duration,
       case when pg_temp.rnd(i, 17) < 0.45 then 'goods' when pg_temp.rnd(i, 17) < 0.75 then 'services'
            when pg_temp.rnd(i, 17) < 0.95 then 'works' when pg_temp.rnd(i, 17) < 0.98 then 'consulting' else 'rent' end as ptype,
       case when pg_temp.rnd(i, 18) < 0.01 then 'cancelled' when pg_temp.rnd(i, 18) < 0.04 then 'po_made'
            when pg_temp.rnd(i, 18) < 0.20 then 'in_progress' when pg_temp.rnd(i, 18) < 0.28 then 'delivered_late'
            when pg_temp.rnd(i, 18) < 0.43 then 'ended' else 'delivered_complete' end as status,
       pg_temp.rnd(i, 19) >= 0.02 as matched,
       -- tender timeline (calendar days): standstill after the award, evaluation, submission period
       case when pg_temp.rnd(i, 20) < 0.05 then 2 + floor(pg_temp.rnd(i, 21) * 6)::int else 10 + floor(pg_temp.rnd(i, 21) * 20)::int end as s_days,
       case when pg_temp.rnd(i, 22) < 0.003 then -2 else 3 + floor(pg_temp.rnd(i, 23) * 18)::int end as e_days,
       case when pg_temp.rnd(i, 24) < 0.04 then 2 + floor(pg_temp.rnd(i, 25) * 4)::int
            when pr.ref <= 5e6 then 8 when pr.ref <= 1e7 then 15 when pr.ref <= 5e7 then 17 else 28 end
         + floor(pg_temp.rnd(i, 25) * 12)::int as sub_days,
       pg_temp.rnd(i, 26) >= 0.05 as has_events
  from generate_series(1, $1::int) i
 cross join lateral (select a, a * 23 as pool
                       from (select least(${AGENCIES}, 1 + floor(${AGENCIES} * power(pg_temp.rnd(i, 1), 1.3))::int) as a) x) ag
 cross join lateral (select case when pg_temp.rnd(i, 2) < 0.03   -- year-end rush: September
                                 then case when pg_temp.rnd(i, 3) < 0.5 then 335 else 700 end + floor(pg_temp.rnd(i, 4) * 30)::int
                                 else floor(pg_temp.rnd(i, 3) * 730)::int end as d) dd
 cross join lateral (select date '2024-10-01' + dd.d as cdate, case when dd.d < 365 then 2568 else 2569 end as fy) dt
 cross join lateral (select m as method, m <> 'specific' as competitive
                       from (select case when r < 0.75 then 'specific' when r < 0.87 then 'e_bidding' when r < 0.95 then 'e_market'
                                         when r < 0.98 then 'selection' else 'price_inquiry' end as m
                               from (select pg_temp.rnd(i, 5) as r) r) m) mm
 cross join lateral (select pg_temp.rnd(i, 6) as r1, pg_temp.rnd(i, 7) as r2, pg_temp.rnd(i, 8) as r3,
                            pg_temp.rnd(i, 9) as r4, pg_temp.rnd(i, 10) as r5, pg_temp.rnd(i, 27) as r6,
                            pg_temp.rnd(i, 28) as r7, pg_temp.rnd(i, 29) as r8) r
 cross join lateral (
       select case when mm.method = 'specific' and r.r1 < 0.02 then 96000 + r.r2 * 4000          -- just under 100,000
                   when mm.method = 'specific' and r.r1 < 0.04 then 480000 + r.r2 * 20000        -- just under 500,000
                   when mm.method = 'specific' and r.r1 < 0.06 then 500000 * exp(r.r2 * ln(6))   -- above the limit
                   when mm.method = 'specific' then 5000 * exp(r.r2 * ln(100))
                   when mm.method = 'e_bidding' then 500000 * exp(r.r2 * ln(200))
                   when mm.method = 'e_market' then 100000 * exp(r.r2 * ln(50))
                   when mm.method = 'selection' then 500000 * exp(r.r2 * ln(20))
                   else 100000 * exp(r.r2 * ln(5)) end as raw) v
 cross join lateral (
       select greatest(1000, case when mm.method = 'specific' and r.r3 < 0.10 then round(v.raw / 10000) * 10000
                                  when r.r3 < 0.35 then round(v.raw / 1000) * 1000
                                  else round(v.raw) end)::numeric(18, 2) as ref) rf
 cross join lateral (
       select rf.ref,
              case when r.r7 < 0.015 then round(rf.ref * (0.90 + 0.09 * r.r8))
                   else ceil(rf.ref * (1 + 0.15 * r.r8) / 1000) * 1000 end::numeric(18, 2) as budget,
              case when r.r6 < 0.003 then null
                   else round(rf.ref * case when r.r4 < 0.005 then 1 + 0.05 * r.r5                          -- above the reference
                                            when mm.competitive and r.r4 < 0.02 then 0.55 + 0.15 * r.r5      -- abnormally low
                                            when mm.competitive and r.r4 < 0.10 then 0.99 + 0.01 * r.r5      -- near the reference
                                            when mm.competitive then 0.72 + 0.27 * r.r5
                                            when r.r5 < 0.4 then 1
                                            else 0.97 + 0.03 * r.r5 end::numeric, 2) end::numeric(18, 2) as price) pr
 cross join lateral (
       select case when mm.competitive and pg_temp.rnd(i, 30) < 0.8 then ag.pool + floor(pg_temp.rnd(i, 31) * 15)::int
                   when not mm.competitive and pg_temp.rnd(i, 30) < 0.6 then ag.pool + floor(pg_temp.rnd(i, 31) * 150)::int
                   else floor(${VENDORS} * power(pg_temp.rnd(i, 31), 1.5))::int end as vn) w`;

const STEPS: { table: string; sql: string }[] = [
  {
    table: 'agencies',
    sql: `insert into agencies (code, name, kind, district, last_audited)
          select pg_temp.agency(a), 'หน่วยงานที่ ' || a,
                 (array['provincial_office', 'district', 'local_government', 'school', 'hospital'])[1 + a % 5],
                 'อำเภอที่ ' || (1 + a % 8),
                 case when a % 3 = 0 then null else date '2019-01-01' + (a * 37 % 2000) end
            from generate_series(1, ${AGENCIES}) a`,
  },
  { table: 'gen', sql: GEN },
  {
    table: 'egp_contracts',
    sql: `insert into egp_contracts (project_id, contract_no, project_name, project_type, project_type_text, dept_name, dept_sub_name,
                                     agency_code, agency_match, method, method_text, method_group_text, announce_date, project_money,
                                     price_build, sum_price_agree, budget_year, fiscal_year, transaction_date, province, district,
                                     subdistrict, project_status, winner_tin_raw, winner_tin, winner_tin_valid, winner_name,
                                     contract_date, contract_finish_date, price_agree, contract_status, contract_status_text)
          select g.project_id, g.contract_no, 'โครงการจัดหาที่ ' || g.id, g.ptype, g.ptype,
                 case when g.matched then 'หน่วยงานที่ ' || g.a else 'หน่วยงานนอกทะเบียน ' || g.a end, null,
                 case when g.matched then pg_temp.agency(g.a) end, case when g.matched then 'name' else 'unmatched' end,
                 g.method, g.method, null,
                 case when g.competitive then g.cdate - g.s_days - g.e_days - g.sub_days - 3 else g.cdate - (g.id % 7)::int end,
                 g.budget, g.ref, g.price, g.fy, g.fy, g.cdate, 'ระยอง', 'อำเภอที่ ' || (1 + g.a % 8), null, 'active',
                 case when g.winner_tin is null then '1.05552E+11' else g.winner_tin end, g.winner_tin, g.winner_tin is not null and g.tin_valid,
                 'บริษัท ผู้รับจ้างที่ ' || g.vn || ' จำกัด',
                 g.cdate, g.cdate + g.duration, g.price, g.status, g.status
            from gen g
           order by g.id`,
  },
  {
    table: 'vendors',
    sql: `insert into vendors (tin, name, registered_date, address, address_key, directors, status)
          select pg_temp.tin(n), 'บริษัท ผู้รับจ้างที่ ' || n || ' จำกัด',
                 case when pg_temp.rnd(n, 50) < 0.04 then date '2024-03-01' + floor(pg_temp.rnd(n, 51) * 700)::int
                      else date '1990-01-01' + floor(pg_temp.rnd(n, 51) * 12000)::int end,
                 case when pg_temp.rnd(n, 52) < 0.02 then null else ad.address end,
                 case when pg_temp.rnd(n, 52) < 0.02 then null else ad.address_key end,
                 case when pg_temp.rnd(n, 53) < 0.02 then '{}'::text[]
                      else array(select 'กรรมการ ' || (case when k = 1 and n % 30 = 1 then (n - 1) * 3 else n * 3 + k end)
                                   from generate_series(1, 1 + floor(pg_temp.rnd(n, 54) * 3)::int) k) end,
                 'active'
            from generate_series(0, ${VENDORS_IN_REGISTRY - 1}) n
           cross join lateral (select m, 'เลขที่ ' || (m % 997 + 1) || ' หมู่ ' || (m % 12 + 1) || ' ตำบลที่ ' || (m % 97) as address,
                                      (m % 997 + 1) || 'ม' || (m % 12 + 1) || 'ตตำบลที่' || (m % 97) as address_key
                                 from (select case when n % 50 = 1 then n - 1 else n end as m) x) ad`,
  },
  {
    table: 'blacklist_entries',
    sql: `insert into blacklist_entries (tin, name, listed_date, order_no, lifted_date)
          select pg_temp.tin(vn), 'บริษัท ผู้รับจ้างที่ ' || vn || ' จำกัด', listed, 'คำสั่งที่ ' || i || '/2567',
                 case when pg_temp.rnd(i, 61) < 0.3 then listed + 365 + floor(pg_temp.rnd(i, 62) * 700)::int end
            from generate_series(1, 300) i
           cross join lateral (select (i * 7919 + 13) % ${VENDORS} as vn,
                                      date '2018-01-01' + floor(pg_temp.rnd(i, 60) * 3100)::int as listed) x
              on conflict do nothing`,
  },
  {
    table: 'tender_events',
    sql: `insert into tender_events (project_id, invitation_date, bid_deadline, winner_announced, legal_exception)
          select g.project_id,
                 case when g.competitive then g.cdate - g.s_days - g.e_days - g.sub_days end,
                 case when g.competitive then g.cdate - g.s_days - g.e_days end,
                 case when g.competitive then g.cdate - g.s_days end,
                 case when not g.competitive and pg_temp.rnd(g.id, 70) < 0.85
                      then (array['56(2)(ข)', '56(2)(ค)', '56(2)(ง)', '56(2)(ฉ)'])[1 + g.id % 4] end
            from gen g
           where (g.competitive and g.has_events) or (not g.competitive and g.price > 500000)`,
  },
  {
    table: 'egp_bids',
    sql: `insert into egp_bids (project_id, bidder_key, bidder_tin, bidder_name, bid_amount, bid_date, status)
          select g.project_id, coalesce(b.tin, 'name:' || b.name), b.tin, b.name,
                 case when pg_temp.rnd(g.id * 8 + k, 36) < 0.003 then null else b.amount end,
                 g.cdate - g.s_days - g.e_days, b.status
            from gen g
           cross join lateral generate_series(1, g.nbids) k
           cross join lateral (select case when k = 1 then g.vn
                                           when pg_temp.rnd(g.id * 8 + k, 30) < 0.8 then g.pool + ((g.vn - g.pool + k * 4) % 15 + 15) % 15
                                           else floor(${VENDORS} * pg_temp.rnd(g.id * 8 + k, 31))::int end as bvn,
                                      -- 0.5% of tenders: the third bidder copies the second one's price
                                      case when k = 3 and pg_temp.rnd(g.id, 33) < 0.005 then 2 else k end as price_seed) v
           cross join lateral (select round(g.price / (1.01 + 0.04 * pg_temp.rnd(g.id, 32))::numeric, 2) as low_bid) lb
           cross join lateral (
                 select case when k = 1 then g.winner_tin
                             when pg_temp.rnd(g.id * 8 + k, 34) < 0.015 then null
                             else pg_temp.tin(v.bvn) end as tin,
                        'บริษัท ผู้รับจ้างที่ ' || v.bvn || ' จำกัด' as name,
                        case when k = 1 then case when pg_temp.rnd(g.id, 32) < 0.01 then lb.low_bid else g.price end
                             else round(g.price * (1 + case when pg_temp.rnd(g.id * 8 + v.price_seed, 35) < 0.02
                                                            then 0.001 + 0.009 * pg_temp.rnd(g.id * 8 + v.price_seed, 37)
                                                            else 0.01 + 0.24 * pg_temp.rnd(g.id * 8 + v.price_seed, 37) end)::numeric, 2) end as amount,
                        case when k = 1 then 'winner' when pg_temp.rnd(g.id * 8 + k, 38) < 0.1 then 'disqualified' else 'valid' end as status) b
           where g.nbids > 0
              on conflict do nothing`,
  },
  {
    table: 'people',
    sql: `insert into people (person_id, name)
          select pg_temp.person(a, k), 'เจ้าหน้าที่ ' || k || ' หน่วยงานที่ ' || a
            from generate_series(1, ${AGENCIES}) a cross join generate_series(0, ${STAFF_PER_AGENCY - 1}) k`,
  },
  {
    table: 'committee_members',
    // procurement officer: staff 0–3; evaluation / selection committee: staff 4–23; inspection: staff 24–35
    sql: `insert into committee_members (project_id, committee_type, person_id, role, appointed_date)
          select g.project_id, m.committee_type, m.person_id, m.role, g.cdate - m.before
            from gen g
           cross join lateral (
                 select 'procurement_officer' as committee_type, pg_temp.person(g.a, floor(pg_temp.rnd(g.id, 80) * 4)::int) as person_id,
                        null::text as role, 40 as before
                  union all
                 select case when g.method = 'selection' then 'selection' else 'evaluation' end,
                        pg_temp.person(g.a, 4 + (floor(pg_temp.rnd(g.id, 81) * 20)::int + t * 7) % 20),
                        (array['chair', 'member', 'secretary'])[t + 1], 30
                   from generate_series(0, 2) t
                  where g.competitive
                  union all
                 select 'inspection',
                        -- 0.8%: the procurement officer also inspects (committee-overlap)
                        case when t = 0 and pg_temp.rnd(g.id, 84) < 0.008 then pg_temp.person(g.a, floor(pg_temp.rnd(g.id, 80) * 4)::int)
                             else pg_temp.person(g.a, 24 + (floor(pg_temp.rnd(g.id, 82) * 12)::int + t) % 12) end,
                        case when t = 0 then 'chair' else 'member' end, 5
                   from generate_series(0, case when pg_temp.rnd(g.id, 83) < 0.004 then -1
                                                when coalesce(g.price, 0) <= 100000 then 0
                                                when pg_temp.rnd(g.id, 83) < 0.016 then 1
                                                else 2 end) t
                 ) m`,
  },
  {
    table: 'deliveries',
    sql: `insert into deliveries (project_id, contract_no, installment, due_date, delivered_date, inspected_date, accepted, value, penalty_charged)
          select g.project_id, g.contract_no, k, x.due, y.delivered,
                 y.delivered + floor(pg_temp.rnd(g.id * 4 + k, 44) * 6)::int,
                 case when y.delivered is null then null when pg_temp.rnd(g.id * 4 + k, 45) < 0.01 then false
                      when pg_temp.rnd(g.id * 4 + k, 45) < 0.02 then null else true end,
                 x.value,
                 case when y.delivered is null then null
                      when y.delivered <= x.due then 0
                      when pg_temp.rnd(g.id * 4 + k, 43) < 0.10 then 0                    -- penalty not charged
                      when pg_temp.rnd(g.id * 4 + k, 43) < 0.15 then null                 -- penalty not on record
                      when g.ptype in ('goods', 'rent') then round(0.002 * x.value * (y.delivered - x.due), 2)
                      else round(greatest(0.001 * g.price, 100) * (y.delivered - x.due), 2) end
            from gen g
           cross join lateral generate_series(1, g.installments) k
           cross join lateral (
                 select g.cdate + g.duration * k / g.installments as due,
                        -- unequal installments (40/60, 20/30/50): equal ones a few weeks apart look like duplicate payments
                        case when g.installments = 1 then g.price
                             when g.installments = 2 then case when k = 1 then round(g.price * 0.4, 2) else g.price - round(g.price * 0.4, 2) end
                             when k = 1 then round(g.price * 0.2, 2) when k = 2 then round(g.price * 0.3, 2)
                             else g.price - round(g.price * 0.2, 2) - round(g.price * 0.3, 2) end as value,
                        case when pg_temp.rnd(g.id * 4 + k, 40) < 0.18 then 1 + floor(power(pg_temp.rnd(g.id * 4 + k, 41), 2) * 60)::int
                             else -floor(pg_temp.rnd(g.id * 4 + k, 41) * 10)::int end as late) x
           cross join lateral (
                 select case when x.due + x.late > date '2026-11-20' or pg_temp.rnd(g.id * 4 + k, 42) < 0.02 then null
                             when pg_temp.rnd(g.id * 4 + k, 42) < 0.022 then g.cdate - 3       -- delivered before the contract
                             else greatest(x.due + x.late, g.cdate) end as delivered) y
           where g.status not in ('cancelled', 'po_made')`,
  },
  {
    table: 'gfmis_payments',
    sql: `insert into gfmis_payments (doc_no, doc_type, agency_code, disbursing_unit, vendor_tin, amount, posting_date, po_no,
                                      egp_project_id, contract_no, invoice_no)
          select 'P' || lpad(d.id::text, 10, '0'), 'ขบ02', pg_temp.agency(g.a), pg_temp.agency(g.a) || '00', g.winner_tin,
                 d.value - coalesce(d.penalty_charged, 0),
                 case when pg_temp.rnd(d.id, 90) < 0.002 then null
                      when pg_temp.rnd(d.id, 90) < 0.017 then d.inspected_date - 1 - floor(pg_temp.rnd(d.id, 91) * 10)::int  -- before inspection
                      else d.inspected_date + 3 + floor(pg_temp.rnd(d.id, 91) * 22)::int end,
                 'PO' || g.id, g.project_id, g.contract_no, 'INV-' || g.id || '-' || d.installment
            from deliveries d
            join gen g on g.project_id = d.project_id
           where d.accepted and d.value is not null`,
  },
  {
    table: 'gfmis_payments (duplicates)',
    sql: `insert into gfmis_payments (doc_no, doc_type, agency_code, disbursing_unit, vendor_tin, amount, posting_date, po_no,
                                      egp_project_id, contract_no, invoice_no)
          select 'D' || substr(p.doc_no, 2), p.doc_type, p.agency_code, p.disbursing_unit, p.vendor_tin, p.amount,
                 p.posting_date + floor(pg_temp.rnd(hashtext(p.doc_no), 93) * 21)::int, p.po_no, p.egp_project_id, p.contract_no,
                 case when pg_temp.rnd(hashtext(p.doc_no), 94) < 0.5 then p.invoice_no else p.invoice_no || '-R' end
            from gfmis_payments p
           where p.posting_date is not null and pg_temp.rnd(hashtext(p.doc_no), 92) < 0.004`,
  },
  {
    table: 'gfmis_payments (not e-GP)',
    sql: `insert into gfmis_payments (doc_no, doc_type, agency_code, disbursing_unit, vendor_tin, amount, posting_date, invoice_no)
          select 'X' || lpad(i::text, 10, '0'), (array['ขบ01', 'ขบ03', 'ขจ05'])[1 + i % 3], pg_temp.agency(a), pg_temp.agency(a) || '00',
                 pg_temp.tin(floor(${VENDORS} * pg_temp.rnd(i, 101))::int),
                 case when pg_temp.rnd(i, 102) < 0.1 then round(500 * exp(pg_temp.rnd(i, 103) * ln(400)) / 1000) * 1000
                      else round((500 * exp(pg_temp.rnd(i, 103) * ln(400)))::numeric, 2) end,
                 date '2024-10-01' + floor(pg_temp.rnd(i, 104) * 730)::int, 'B' || i
            from generate_series(1, ($1::int * 2) / 5) i
           cross join lateral (select least(${AGENCIES}, 1 + floor(${AGENCIES} * power(pg_temp.rnd(i, 100), 1.3))::int) as a) x`,
  },
  {
    table: 'gfmis_payments (fiscal year)',
    // The import sets it from src/common/fiscal-year.ts; rows written here straight need it too.
    sql: `update gfmis_payments set fiscal_year = extract(year from posting_date + interval '3 months')::int + 543 where posting_date is not null`,
  },
  {
    table: 'gfmis_disbursements',
    // quarterly reports per agency and budget type; the cumulative targets are finance/disbursement-targets.ts'
    sql: `insert into gfmis_disbursements (fiscal_year, as_of, agency_code, agency_name, budget_type, budget_after_transfer, allocated,
                                           spending_plan, commitments, disbursed, source_unit)
          select fy, make_date(fy - 543 - case when q = 1 then 1 else 0 end, (array[12, 3, 6, 9])[q], (array[31, 31, 30, 30])[q]),
                 pg_temp.agency(a), 'หน่วยงานที่ ' || a, bt, alloc, alloc, round(alloc * target / 100, 2), round(alloc * least(1, target / 100 + 0.05), 2),
                 round(alloc * greatest(0, least(1, (target + case when pg_temp.rnd(s, 113) < 0.06 then -6 - 14 * pg_temp.rnd(s, 114)
                                                                  else -4 + 10 * pg_temp.rnd(s, 114) end)::numeric / 100)), 2),
                 'บาท'
            from generate_series(1, ${AGENCIES}) a
           cross join unnest(array[${FISCAL_YEARS.join(', ')}]) fy
           cross join unnest(array['current', 'investment']) with ordinality bt(bt, b)
           cross join generate_series(1, 4) q
           cross join lateral (select a * 100 + (fy - 2568) * 10 + b::int as s) seed
           cross join lateral (select round((1e6 * exp(pg_temp.rnd(seed.s, 110) * ln(200)))::numeric, 2) as alloc,
                                      (case when bt = 'current' then array[35, 56, 79, 98] else array[19, 45, 65, 75] end)[q]::numeric as target) x`,
  },
  {
    table: 'control_plan_activities',
    sql: `insert into control_plan_activities (fiscal_year, agency_code, plan_type, strategy_no, measure_no, activity_no, activity, risk,
                                               indicator, target_text, target_value, target_unit, budget, responsible, due_date)
          select fy, code, case when t <= 2 then 'internal_control' else 'anti_corruption' end, (1 + t % 2)::text, '1', t::text,
                 'กิจกรรมที่ ' || t, 'ความเสี่ยงที่ ' || t, 'ร้อยละของงานที่แล้วเสร็จ', 'ร้อยละ 80', 80, 'percent', null, 'หัวหน้าหน่วยงาน',
                 make_date(fy - 543, 9, 30) - floor(pg_temp.rnd(a * 100 + (fy - 2568) * 10 + t, 120) * 240)::int
            from (select a, pg_temp.agency(a) as code from generate_series(1, ${AGENCIES}) a
                  union all select 0, 'province') ag
           cross join unnest(array[${FISCAL_YEARS.join(', ')}]) fy
           cross join generate_series(1, 4) t`,
  },
  {
    table: 'plan_results',
    // the latest result per activity: done (95%), in progress (4%), none on record (1%)
    sql: `insert into plan_results (fiscal_year, agency_code, plan_type, strategy_no, activity_no, reported_date, actual_text, actual_value,
                                    actual_unit, status)
          select a.fiscal_year, a.agency_code, a.plan_type, a.strategy_no, a.activity_no, a.due_date - 45 + 45 * k,
                 case when k = 2 and r >= 0.01 and r < 0.05 then 'ร้อยละ 50' else 'ร้อยละ 85' end, 85, 'percent',
                 case when k = 1 then 'in_progress' when r < 0.05 then 'in_progress' else 'done' end
            from control_plan_activities a
           cross join lateral (select pg_temp.rnd(a.id, 121) as r) x
           cross join generate_series(1, 2) k
           where x.r >= 0.01`,
  },
  {
    table: 'complaints',
    sql: `insert into complaints (complaint_no, received_date, fiscal_year, channel, agency_code, category, subject, status,
                                  first_response_date, closed_date)
          select 'C' || lpad(i::text, 7, '0'), rd, case when rd < date '2025-10-01' then 2568 else 2569 end,
                 (array['website', 'damrongtham_phone', 'complaint_box', 'letter_fax', 'pobox_1111', 'other'])[1 + floor(pg_temp.rnd(i, 131) * 6)::int],
                 case when pg_temp.rnd(i, 132) < 0.04 then null else pg_temp.agency(a) end,
                 (array['procurement', 'bribery', 'impolite_service', 'delay', 'rule_violation', 'favouritism', 'fraud', 'other'])[1 + floor(pg_temp.rnd(i, 133) * 8)::int],
                 'เรื่องร้องเรียนที่ ' || i, 'closed', rd + 3, rd + 30
            from generate_series(1, ($1::int * 3) / 100) i
           cross join lateral (select least(${AGENCIES}, 1 + floor(${AGENCIES} * power(pg_temp.rnd(i, 130), 1.5))::int) as a,
                                      date '2024-10-01' + floor(pg_temp.rnd(i, 134) * 730)::int as rd) x`,
  },
  {
    table: 'findings',
    sql: `insert into findings (agency_code, fiscal_year, title, recommendation, severity, due_date, status, first_answered_at, created_by)
          select pg_temp.agency(1 + (i * 37) % ${AGENCIES}), fy, 'ข้อตรวจพบที่ ' || i, 'ให้ปรับปรุง', (array['low', 'medium', 'high'])[1 + i % 3],
                 due, case when ans is null then 'open' else 'answered' end, ans, 'bench'
            from generate_series(1, 400) i
           cross join lateral (select case when i % 2 = 0 then 2568 else 2569 end as fy) y
           cross join lateral (select make_date(y.fy - 543, 9, 30) - floor(pg_temp.rnd(i, 140) * 300)::int as due) d
           cross join lateral (select case when pg_temp.rnd(i, 141) < 0.15 then null
                                           when pg_temp.rnd(i, 141) < 0.30 then (d.due + 5 + floor(pg_temp.rnd(i, 142) * 40)::int)::timestamptz
                                           else (d.due - floor(pg_temp.rnd(i, 142) * 30)::int)::timestamptz end as ans) a`,
  },
];

/** Writes the data set into the (migrated, empty) database at `databaseUrl`; reports each table's rows. */
export async function generateRuleData(
  databaseUrl: string,
  contracts: number,
  log: (line: string) => void = () => undefined,
): Promise<GeneratedCounts> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: GeneratedCounts = {};
  try {
    await client.query(`set synchronous_commit = off`);
    await client.query(`set work_mem = '64MB'`);
    await client.query(`set jit = off`); // compiling these long expressions costs more than it saves
    for (const f of FUNCTIONS) await client.query(f);
    for (const step of STEPS) {
      const started = performance.now();
      const result = await client.query(step.sql, step.sql.includes('$1') ? [contracts] : []);
      const rows = result.rowCount ?? 0;
      counts[step.table] = rows;
      log(`  ${step.table.padEnd(30)} ${rows.toLocaleString('en-US').padStart(10)} rows  ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await client.end();
  }
  return counts;
}

if (require.main === module) {
  const [url, size] = process.argv.slice(2);
  if (!url) {
    console.error('usage: ts-node bench/generate-rule-data.ts <database url> [contracts]');
    process.exit(2);
  }
  void generateRuleData(url, Number(size ?? process.env.BENCH_CONTRACTS ?? 500_000), console.log);
}
