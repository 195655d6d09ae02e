"""The accounts of the demo city, one block at a time: a year of bills, payments, late fees,
door tags, shut-offs, returned checks and tax returns simulated for each account, so that what is
left open is what its history says it owes (services/demo.py writes the blocks)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from cashdesk.domain.money import Money
from cashdesk.services.demo_names import People

SALES_TAX_SHARE = 0.12
TAX_RATE_BP = 375  # city sales tax 3.75 %, in basis points

# -- the calendar the city runs on ------------------------------------------------------------

#: Billing cycles (read routes): the day of the month each cycle's bills go out.
CYCLE_DAYS = (2, 9, 16, 23)
DUE_DAYS = 21
#: How much water a household uses in a month, by the month of the bill (lawns in summer).
SEASON = (0, 0.82, 0.8, 0.82, 0.9, 1.05, 1.5, 2.1, 2.4, 2.2, 1.6, 1.1, 0.88)


def _months_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


@dataclass(frozen=True, slots=True)
class _Bill:
    bill: int  # date ordinals
    due: int
    period: str  # 2026-10
    label: str  # Oct 2026
    season: float


@dataclass(frozen=True, slots=True)
class _TaxPeriod:
    period: str  # 2026-09, 2026-Q3, 2025
    label: str
    due: int
    months: int


@dataclass
class Calendar:
    as_of: int
    iso: dict[int, str]
    cycles: list[list[_Bill]]  # per billing cycle, the last 12 bills, oldest first
    tax: dict[str, list[_TaxPeriod]]  # per filing frequency, periods due in the last year, oldest first
    created: str

    @classmethod
    def build(cls, as_of: dt.date) -> Calendar:
        cycles = []
        for day in CYCLE_DAYS:
            year, month = (as_of.year, as_of.month) if as_of.day >= day else _months_back(as_of.year, as_of.month, 1)
            bills = []
            for back in range(11, -1, -1):
                y, m = _months_back(year, month, back)
                billed = dt.date(y, m, day)
                bills.append(
                    _Bill(
                        billed.toordinal(),
                        (billed + dt.timedelta(days=DUE_DAYS)).toordinal(),
                        f"{y}-{m:02d}",
                        billed.strftime("%b %Y"),
                        SEASON[m],
                    )
                )
            cycles.append(bills)
        start = as_of.toordinal() - 800
        iso = {o: dt.date.fromordinal(o).isoformat() for o in range(start, as_of.toordinal() + 120)}
        return cls(as_of.toordinal(), iso, cycles, _tax_periods(as_of), f"{as_of.isoformat()} 00:00:00.000000")


def _tax_periods(as_of: dt.date) -> dict[str, list[_TaxPeriod]]:
    """Periods whose returns fell due in the year up to as_of; a return is due the 20th after."""
    first = as_of.toordinal() - 365
    out: dict[str, list[_TaxPeriod]] = {"monthly": [], "quarterly": [], "annual": []}
    for back in range(14, 0, -1):
        y, m = _months_back(as_of.year, as_of.month, back)
        ny, nm = _months_back(y, m, -1)
        due = dt.date(ny, nm, 20).toordinal()
        if first < due <= as_of.toordinal():
            out["monthly"].append(_TaxPeriod(f"{y}-{m:02d}", dt.date(y, m, 1).strftime("%b %Y"), due, 1))
            if m % 3 == 0:
                out["quarterly"].append(_TaxPeriod(f"{y}-Q{m // 3}", f"Q{m // 3} {y}", due, 3))
            if m == 12:
                out["annual"].append(_TaxPeriod(f"{y}", f"{y}", due, 12))
    if not out["annual"]:  # the last annual return fell due more than a year ago: keep it
        y = as_of.year - 1 if as_of >= dt.date(as_of.year, 1, 20) else as_of.year - 2
        out["annual"].append(_TaxPeriod(f"{y}", f"{y}", dt.date(y + 1, 1, 20).toordinal(), 12))
    return out


# -- one block of accounts -----------------------------------------------------------------------


@dataclass
class Block:
    accounts: list[tuple[object, ...]] = field(default_factory=list)
    items: list[tuple[object, ...]] = field(default_factory=list)
    history: list[tuple[object, ...]] = field(default_factory=list)
    utility: int = 0
    sales_tax: int = 0
    owed_cents: int = 0


# Item fields while simulating: [code, description, period, bill ordinal, due ordinal, amount, paid]
_CODE, _DESC, _PERIOD, _BILLED, _DUE, _AMOUNT, _PAID = range(7)
_Item = list[Any]  # mutable: a payment raises its paid field in place
_History = list[tuple[object, ...]]
_FEES = frozenset(("LATEFEE", "NSF", "DOORTAG", "RECON"))

AUTOPAY, PROMPT, LATE, PARTIAL, DELINQUENT, OVERPAY = range(6)
_BEHAVIOUR_CUM = (0.25, 0.76, 0.85, 0.89, 0.96, 1.0)
_CHANNELS = (
    ("Online payment", "WEB"),
    ("Mail payment", "MAIL"),
    ("Counter payment", "W01"),
    ("Lockbox payment", "LBX"),
)


def _pay(items: list[_Item], amount: int) -> tuple[list[tuple[_Item, int]], int]:
    """Pays fees first, then the oldest charges (the default paying order).

    `items` holds only what is still owed; paid items leave it. Returns what each item
    took and what is left of the amount.
    """
    taken: list[tuple[_Item, int]] = []
    for fees in (True, False):
        for item in items:
            if amount == 0:
                break
            if (item[_CODE] in _FEES) is fees:
                owed = item[_AMOUNT] - item[_PAID]
                take = owed if owed < amount else amount
                item[_PAID] += take
                amount -= take
                taken.append((item, take))
    items[:] = [i for i in items if i[_PAID] < i[_AMOUNT]]
    return taken, amount


def _owed(items: list[_Item]) -> int:
    return sum(i[_AMOUNT] - i[_PAID] for i in items)


@dataclass
class _Utility:
    """One utility account while its year is simulated."""

    account_id: int
    contact: tuple[str, str, str, str, str]  # name, service address, mailing address, phone, its digits
    bills: list[_Bill]
    ends: str  # "" (still served), "closed" or "final"
    first: int  # the first and last bill of the year it gets
    last: int
    behaviour: int  # AUTOPAY … OVERPAY
    stop: int  # a delinquent payer stops paying from this bill on
    nsf_month: int  # the bill whose payment bounces (-1: none)
    cash_only: bool
    channel: tuple[str, str]  # how it pays: (history description, reference)
    kgal: float  # thousand gallons in a spring month
    winter: float  # the winter average the sewer charge is billed on
    trash: int
    storm: int
    deposit: int
    status: str = "active"
    items: list[_Item] = field(default_factory=list)  # what is still owed
    credit: int = 0
    tagged: bool = False


class _CityBuilder:
    def __init__(self, seed: int, block: int, cal: Calendar) -> None:
        self.rng = random.Random(f"cashdesk-demo:{seed}:{block}")
        self.cal = cal
        self.people = People(self.rng)

    def build(self, first_index: int, count: int) -> Block:
        out = Block()
        rng = self.rng
        for index in range(first_index, first_index + count):
            account_id = index + 1
            serial = f"{index * 16 + rng.randrange(16):09d}"
            if rng.random() < SALES_TAX_SHARE:
                self.sales_tax_account(out, account_id, "2" + serial)
                out.sales_tax += 1
            else:
                self.utility_account(out, account_id, "1" + serial)
                out.utility += 1
        return out

    def contact(self, name: str) -> tuple[str, str, str, str, str]:
        """(name, service address, mailing address, phone, its digits) of a new account."""
        service, zip_code = self.people.address()
        mailing = self.people.mailing(service, zip_code)
        phone, digits = self.people.phone()
        return name, service, mailing, phone, digits

    def customer(self, account_id: int) -> _Utility:
        """A utility customer: when they moved in or out, how they pay, how much water they use."""
        rng = self.rng
        bills = self.cal.cycles[rng.randrange(len(CYCLE_DAYS))]
        contact = self.contact(self.people.person())
        ends = ""  # how the account ends: closed (moved out, paid up) or final (moved out, final bill open)
        first, last = 0, 11
        r = rng.random()
        if r < 0.05:
            ends, last = "closed", rng.randrange(0, 10)
        elif r < 0.08:
            ends = "final"
        if rng.random() < 0.09 and last > 0:
            first = rng.randrange(1, last + 1)  # moved in during the year
        b = rng.random()
        behaviour = next(i for i, edge in enumerate(_BEHAVIOUR_CUM) if b < edge)
        if ends and behaviour in (DELINQUENT, PARTIAL):
            behaviour = PROMPT
        stop = rng.randrange(8, 12) if behaviour == DELINQUENT else 99  # stops paying from this bill on
        nsf_month = rng.randrange(first + 1, last) if last - first >= 3 and rng.random() < 0.02 else -1
        cash_only = rng.random() < 0.003
        channel = rng.choice(_CHANNELS)

        kgal = rng.lognormvariate(1.45, 0.4)  # thousand gallons in a spring month
        winter = kgal * 0.82
        trash = rng.choice((1200, 1650, 1650, 1650, 2100))
        storm = 675 if rng.random() < 0.9 else 925
        average = 1850 + int(kgal * 1.3 * 512) + 1425 + int(winter * 498) + trash + storm
        deposit = 0
        if first > 0 or rng.random() < 0.12:
            deposit = (2 * average // 500 + 1) * 500 if rng.random() < 0.7 else 0
        return _Utility(account_id, contact, bills, ends, first, last, behaviour, stop, nsf_month, cash_only, channel,
                        kgal, winter, trash, storm, deposit)  # fmt: skip

    def utility_account(self, out: Block, account_id: int, number: str) -> None:
        u = self.customer(account_id)
        for m in range(u.first, u.last + 1):
            self.month(out.history, u, m)
        if u.ends:
            u.status = u.ends
        if u.ends == "closed" and u.credit:
            out.history.append(
                (account_id, self.cal.iso[u.bills[u.last].due + 10], "adjustment", "Credit refunded by check",
                 u.credit, "")
            )  # fmt: skip
            u.credit = 0
        iso = self.cal.iso
        owed = 0
        for item in u.items:
            owed += item[_AMOUNT] - item[_PAID]
            out.items.append((account_id, item[_CODE], item[_DESC], item[_PERIOD], iso[item[_BILLED]], iso[item[_DUE]],
                              item[_AMOUNT], item[_PAID]))  # fmt: skip
        out.owed_cents += owed - u.credit
        name, service, mailing, phone, digits = u.contact
        out.accounts.append(
            (account_id, number, "utility", name, service, mailing, phone, digits, u.status, u.cash_only,
             u.deposit, "", None, u.credit, self.cal.created, self.cal.created)
        )  # fmt: skip

    def month(self, history: _History, u: _Utility, m: int) -> None:
        """One month of a utility account: the bill, the payment on time or late, the fees past due."""
        bill = u.bills[m]
        final = m == u.last and bool(u.ends)
        self.bill(history, u, bill, final)
        pay_day, amount = self.payment_plan(u, bill, m, final)
        late_check = bill.due + 1
        if pay_day and pay_day <= bill.due:
            taken, rest = self.payment(history, u.items, u.account_id, pay_day, amount, u.channel, u.cash_only)
            u.credit += rest
            if m == u.nsf_month and not rest:
                u.cash_only = True
                self.returned_check(history, u.items, u.account_id, min(pay_day + 6, self.cal.as_of), taken)
        if late_check <= self.cal.as_of and not final:
            self.past_due(history, u, late_check)
        if pay_day and pay_day > bill.due:
            u.credit += self.payment(history, u.items, u.account_id, pay_day, amount, u.channel, u.cash_only)[1]

    def bill(self, history: _History, u: _Utility, bill: _Bill, final: bool) -> None:
        """The month's bill; credit and, on the final bill, the deposit pay it first."""
        if u.status == "shut_off":
            water, sewer, water_text = 1850, 1425, "Water base charge (service off)"
        else:
            used = u.kgal * bill.season * self.rng.uniform(0.8, 1.2)
            water = 1850 + int(min(used, 15.0) * 512) + int(max(used - 15.0, 0.0) * 768)
            sewer = 1425 + int(u.winter * 498)
            water_text = f"Water {used:.1f} kgal"
        u.items.extend([
            ["WATER", water_text, bill.period, bill.bill, bill.due, water, 0],
            ["SEWER", "Sewer", bill.period, bill.bill, bill.due, sewer, 0],
            ["TRASH", "Trash", bill.period, bill.bill, bill.due, u.trash, 0],
            ["STORM", "Stormwater", bill.period, bill.bill, bill.due, u.storm, 0],
        ])  # fmt: skip
        total = water + sewer + u.trash + u.storm
        iso = self.cal.iso
        history.append((u.account_id, iso[bill.bill], "bill", f"{'Final bill' if final else 'Bill'} {bill.label}",
                        total, ""))  # fmt: skip
        if u.credit:
            _, u.credit = _pay(u.items, u.credit)
        if final and u.deposit:
            history.append((u.account_id, iso[bill.bill], "adjustment", "Deposit applied", -u.deposit, ""))
            _, rest = _pay(u.items, u.deposit)
            u.credit += rest
            u.deposit = 0

    def payment_plan(self, u: _Utility, bill: _Bill, m: int, final: bool) -> tuple[int, int]:
        """(day, amount) of the month's payment as the customer pays; (0, …) for none."""
        rng = self.rng
        pay_day, amount = 0, 0
        owed = _owed(u.items)
        behaviour = u.behaviour
        if final and u.ends == "final":
            pass  # the final bill is still open
        elif behaviour == AUTOPAY:
            pay_day, amount = bill.due - 1, owed
        elif behaviour == PROMPT or (behaviour == DELINQUENT and m < u.stop):
            pay_day, amount = bill.bill + rng.randrange(4, 20), owed
        elif behaviour == LATE:
            pay_day = bill.bill + rng.randrange(5, 18) if rng.random() < 0.5 else bill.due + rng.randrange(2, 7)
            amount = owed
        elif behaviour == PARTIAL:
            pay_day = bill.bill + rng.randrange(8, 25)
            amount = max(1000, int(owed * rng.uniform(0.4, 0.8)) // 500 * 500)
        elif behaviour == OVERPAY:
            pay_day, amount = bill.bill + rng.randrange(3, 15), (owed // 1000 + rng.choice((1, 2, 5))) * 1000
        elif behaviour == DELINQUENT and u.tagged and rng.random() < 0.25:
            pay_day, amount = bill.due + rng.randrange(2, 7), max(2000, owed // 3 // 500 * 500)
        if amount <= 0 or pay_day > self.cal.as_of:
            pay_day = 0
        return pay_day, amount

    def past_due(self, history: _History, u: _Utility, late_check: int) -> None:
        """Past the due date: late fee, then a door tag, then the water is shut off."""
        late = [i for i in u.items if i[_DUE] < late_check and i[_CODE] not in _FEES]
        if not late:
            return
        past_due_bills = {i[_PERIOD] for i in late}
        past_due = sum(i[_AMOUNT] - i[_PAID] for i in late)
        fee = max(100, past_due * 5 // 100)
        self.fee(history, u.items, u.account_id, late_check, "LATEFEE", f"Late fee 5% of {Money(past_due).display()}",
                 fee)  # fmt: skip
        if len(past_due_bills) >= 2 and not u.tagged:
            u.tagged = True
            self.fee(history, u.items, u.account_id, late_check, "DOORTAG", "Shut-off notice (door tag)", 3000)
        elif len(past_due_bills) >= 3 and u.status == "active":
            u.status = "shut_off"
            self.fee(history, u.items, u.account_id, late_check, "RECON", "Reconnection fee", 5000)

    def payment(
        self,
        history: _History,
        items: list[_Item],
        account_id: int,
        day: int,
        amount: int,
        channel: tuple[str, str],
        cash_only: bool,
    ) -> tuple[list[tuple[_Item, int]], int]:
        """Posts a payment; returns what it paid on each item and what is left over as credit."""
        if cash_only:
            description, reference = "Counter payment (cash)", "W01"
        else:
            description, reference = channel
        history.append((account_id, self.cal.iso[day], "payment", description, -amount, reference))
        return _pay(items, amount)

    def returned_check(
        self, history: _History, items: list[_Item], account_id: int, day: int, taken: list[tuple[_Item, int]]
    ) -> None:
        """The bank returned a check: what it paid is owed again, plus the NSF fee."""
        amount = 0
        for item, take in taken:
            if item[_PAID] == item[_AMOUNT]:
                items.append(item)  # owed again
            item[_PAID] -= take
            amount += take
        items.sort(key=lambda i: i[_DUE])
        check = self.rng.randrange(1001, 9999)
        history.append((account_id, self.cal.iso[day], "adjustment", f"Returned check {check} (NSF)", amount, "NSF"))
        self.fee(history, items, account_id, day, "NSF", "Returned check fee", 3000)

    def fee(
        self, history: _History, items: list[_Item], account_id: int, day: int, code: str, description: str, amount: int
    ) -> None:
        items.append([code, description, "", day, day, amount, 0])
        history.append((account_id, self.cal.iso[day], "adjustment", description, amount, ""))

    def sales_tax_account(self, out: Block, account_id: int, number: str) -> None:
        rng, cal = self.rng, self.cal
        iso = cal.iso
        history = out.history
        name, service, mailing, phone, digits = self.contact(self.people.business())
        f = rng.random()
        frequency = "monthly" if f < 0.3 else "quarterly" if f < 0.8 else "annual"
        periods = cal.tax[frequency]
        licence = f"BL-{rng.randrange(1998, 2026)}-{account_id:06d}"
        monthly_sales = rng.lognormvariate({"monthly": 11.2, "quarterly": 9.6, "annual": 8.0}[frequency], 0.7)

        status = "closed" if rng.random() < 0.07 else "active"
        last = rng.randrange(len(periods)) if status == "closed" else len(periods) - 1
        r = rng.random()
        unpaid = rng.randrange(1, min(3, len(periods)) + 1) if status == "active" and r < 0.1 else 0
        credit = 0
        owed = 0
        for p, period in enumerate(periods[: last + 1]):
            taxable = int(monthly_sales * period.months * rng.uniform(0.75, 1.25) * 100)
            tax = taxable * TAX_RATE_BP // 10000
            final = status == "closed" and p == last
            label = f"{'Final return' if final else 'Return'} {period.label}"
            if p <= last - unpaid:  # filed and paid on time
                day = period.due - rng.randrange(0, 20)
                history.append((account_id, iso[day], "return", label, tax, f"taxable {taxable // 100}"))
                paid = tax
                if p == last and status == "active" and rng.random() < 0.03:
                    paid = tax + rng.randrange(1, 200) * 100  # paid too much: a credit
                    credit = paid - tax
                history.append((account_id, iso[day], "payment", "Payment with return", -paid, "WEB"))
                continue
            owed += self.unpaid_period(out, account_id, period, label, tax, taxable)
        out.owed_cents += owed - credit
        out.accounts.append(
            (account_id, number, "sales_tax", name, service, mailing, phone, digits, status, False, 0,
             licence, frequency, credit, cal.created, cal.created)
        )  # fmt: skip

    def unpaid_period(self, out: Block, account_id: int, period: _TaxPeriod, label: str, tax: int,
                      taxable: int) -> int:  # fmt: skip
        """A delinquent period: filed without paying, or never filed and assessed; with penalty and
        interest. Returns what it leaves owed."""
        rng, iso, as_of, history = self.rng, self.cal.iso, self.cal.as_of, out.history
        owed = 0
        # Delinquent: filed without paying, or never filed and assessed.
        if rng.random() < 0.6:
            day = period.due - rng.randrange(0, 10)
            history.append((account_id, iso[day], "return", f"{label} (not paid)", tax, f"taxable {taxable // 100}"))
            description = f"Sales tax {period.label}"
        else:
            day = period.due + 30
            if day > as_of:
                day = as_of
            tax = tax // 1000 * 1000 + 10000  # an estimate, rounded up
            history.append(
                (account_id, iso[day], "adjustment", f"Estimated assessment {period.label} (no return)", tax, "")
            )
            description = f"Estimated sales tax {period.label}"
        penalty = max(1500, tax // 10)
        months = (as_of - period.due + 29) // 30 if as_of > period.due else 0
        interest = tax * months // 100
        rows = [("SALESTAX", description, tax), ("TAXPEN", f"Penalty 10% {period.label}", penalty)]
        history.append(
            (account_id, iso[min(period.due + 1, as_of)], "adjustment", f"Penalty {period.label}", penalty, "")
        )
        if interest:
            rows.append(("TAXINT", f"Interest {months} mo {period.label}", interest))
            history.append(
                (account_id, iso[as_of], "adjustment", f"Interest {period.label}, {months} months", interest, "")
            )
        for code, description, amount in rows:
            out.items.append((account_id, code, description, period.period, iso[day], iso[period.due], amount, 0))
            owed += amount
        return owed


def build_block(seed: int, block: int, cal: Calendar, first_index: int, count: int) -> Block:
    return _CityBuilder(seed, block, cal).build(first_index, count)
