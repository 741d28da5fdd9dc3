"""What AWS bills in another service's usage types, as people name it: NAT gateways, EBS volumes and snapshots,
EC2's instance families (`p4d`, `g5`, Graviton, GPUs), S3's storage classes (`glacier`, `deep archive`), transfer
between places (`inter-region`, `cross-AZ`), `spot vs on-demand`.

A word naming such a thing reads as the usage types of the bill that hold it; on a bill that names none, as the
service by usage type, where it would show, said (a word the bill has nothing of is never silently dropped, and
never read as a service it is not).
"""

from __future__ import annotations

import re

from bot.billing.grammar_bare import Bare
from bot.billing.grammar_cursor import Cursor
from bot.billing.grammar_keywords import fold
from bot.billing.grammar_tokens import Token
from bot.billing.grammar_words import COMMITMENT_WORDS, USAGE_FAMILIES
from bot.billing.model import Dimension, DimensionRef
from bot.billing.vocabulary import Meaning

#: An EC2 instance family (`m5`, `c6g`, `p4d`): the usage types of its sizes (`USE1-BoxUsage:p4d.24xlarge`).
_INSTANCE_FAMILY = re.compile(r"^[a-z]{1,3}\d[a-z]{0,4}$")
#: EC2's instance families by name (`m5`, `c6g`, `p4d`, `g5`, `inf2`, `trn1`): a word that is surely one.
_EC2_FAMILY = re.compile(
    r"^(?:a1|[cmr][4-8][a-z]{0,3}|[dgi][2-6][a-z]{0,3}|p[2-5][a-z]{0,2}|t[2-4][a-z]?|inf[12]|trn[12]|x[12][a-z]{0,2}|z1d)s?$"
)
#: EC2's GPU and machine-learning accelerator instance families in a usage type (`BoxUsage:g5.xlarge`,
#: `SpotUsage:p4d.24xlarge`, `inf2`, `trn1`, `dl1`).
_GPU_FAMILY = re.compile(r":(?:p\d|g\d|gr\d|inf\d|trn\d|dl\d)[a-z]*\.", re.IGNORECASE)
#: Transfer between places (`inter-region`, `cross-AZ`), folded.
_BETWEEN_PLACES = frozenset(
    {"interregion", "crossregion", "intraregion", "interaz", "crossaz", "intraaz", "crosszone", "interzone"}
    | {"sameregion", "inregion", "sameaz"}
)
#: S3's storage classes as people name them (folded) -> the part of S3's usage types naming each.
_S3_CLASSES = {
    "glacier": "glacier",
    "deeparchive": "deeparchive",
    "intelligenttiering": "intelligenttiering",
    "infrequentaccess": "sia",
    "standardia": "sia",
    "onezoneia": "zia",
}
#: Graviton instance families in a usage type (`BoxUsage:m7g.large`, `USW2-BoxUsage:c6gn.xlarge`).
_GRAVITON_FAMILY = re.compile(r":[a-z]+\d+g[a-z]*\.", re.IGNORECASE)


class UsageFamilyReader(Cursor):
    """Reads the words of `grammar_usage`; `grammar._Parser` calls `usage_family` for a word no stored name holds
    whole, and `on_demand` from its loop."""

    def usage_family(self, tok: Token, w: str) -> tuple[bool, list[Meaning]]:
        """The usage types `w` names (`nat`: those holding `natgateway`), and whether the question was answered
        another way already (the service by usage type, or the word left out and said)."""
        partial: list[Meaning] = []
        if not partial and w in USAGE_FAMILIES:  # `nat gateways`, `snapshots`: usage types of another service
            partial = self.vocabulary.usage_types_holding(USAGE_FAMILIES[w])
            why = f"AWS bills these under EC2, and no usage type of this bill holds `{USAGE_FAMILIES[w]}`"
            if not partial and self.ec2_by_usage_type(tok, why):
                if w == "nat" and self.word() in ("gateway", "gateways", "gw", "gws"):
                    self.i += 1
                return True, partial  # none on this bill: EC2 by usage type, where they would show
        if not partial and fold(w) in _S3_CLASSES:  # `glacier`, `deep archive`: S3's storage classes
            fragment = _S3_CLASSES[fold(w)]
            partial = self.vocabulary.usage_types_holding(fragment)
            why = f"S3 bills its storage classes in its usage types, and none of this bill holds `{fragment}`"
            if not partial and self.service_by_usage_type(tok, "s3", why):
                return True, partial
        if not partial and w in ("graviton", "arm64", "aarch64"):  # the `g` families (`m7g`, `c6g`)
            ref = DimensionRef(Dimension.USAGE_TYPE)
            graviton = [u for u in self.vocabulary.usage_types if _GRAVITON_FAMILY.search(u)]
            partial = [Meaning(ref, (u,), f"usage-type={u}", f"the usage type `{u}`") for u in graviton]
            why = "no Graviton instance family (the `g` families, e.g. `m7g`) in this bill's usage types"
            if not partial and self.ec2_by_usage_type(tok, why):
                return True, partial
        if not partial and w in ("gpu", "gpus"):  # EC2's GPU and ML-accelerator families (`BoxUsage:g5.xlarge`)
            ref = DimensionRef(Dimension.USAGE_TYPE)
            gpu_types = [u for u in self.vocabulary.usage_types if _GPU_FAMILY.search(u)]
            partial = [Meaning(ref, (u,), f"usage-type={u}", f"the usage type `{u}`") for u in gpu_types]
            if not partial and self.ec2_by_usage_type(
                tok, "no GPU instance family (p, g, inf, trn) in this bill's usage types"
            ):
                return True, partial  # none on this bill: EC2 by usage type, where instance families show
        if not partial and fold(w) in _BETWEEN_PLACES and self.transfer_by_usage_type(tok):
            return True, partial
        if (
            not partial
            and fold(w) == "ec2other"
            and self.ec2_by_usage_type(
                tok, "Cost Explorer's name for EC2's usage besides instances (volumes, NAT gateways, IPs, transfer)"
            )
        ):
            return True, partial
        if not partial and _INSTANCE_FAMILY.match(w):  # `p4d boxes`, `m5 instances`: `BoxUsage:p4d.24xlarge`
            partial = self.vocabulary.usage_types_holding(f":{w}.")
            why = f"no `{w}` instance family in this bill's usage types"
            ec2 = self.vocabulary.meanings("ec2")
            other = not ec2 or any(  # `RDS instances (r6g candidates)`: RDS's class
                m.dimension.kind is Dimension.SERVICE and m.values != ec2[0].values
                for b in self.out.bare
                for m in b.meanings
            )
            if not partial and _EC2_FAMILY.match(w) and not other and self.ec2_by_usage_type(tok, why):
                return True, partial  # none on this bill: EC2 by usage type, where instance families show
            if not partial and _EC2_FAMILY.match(w) and other:  # `RDS instances (r6g candidates)`: its class
                partial = self.vocabulary.usage_types_holding(f"db.{w}.")
                if not partial:
                    self.out.readings.append(f"Left out `{tok.text}`: no usage type of this bill holds that class.")
                    self.i += 1
                    return True, partial
        return False, partial

    def on_demand(self) -> bool:
        """`spot vs on-demand` (`on demand`, `ondemand`): EC2 by usage type, where spot and on-demand hours are
        apart, said; `SP covered vs on-demand`: beside the commitments, one of the kinds of charge shown side by side
        (`grammar._Parser.charges_side_by_side`). Alone it is asked about: the bill's charge classes keep on-demand
        usage with the usage that Savings Plans and RIs covered."""
        tok = self.tokens[self.i]
        if tok.lower not in ("on-demand", "ondemand") or self.vocabulary.meanings(tok.text):
            return False
        typed = self.typed_words()
        if "spot" not in typed and typed & COMMITMENT_WORDS:
            # `SP covered vs on-demand, last 30d`: kinds compared, not periods
            self.out.after_versus = self.out.comparing = False
            self.out.on_demand_beside = True
            self.i += 1
            return True
        return "spot" in typed and self.ec2_by_usage_type(
            tok, "spot and on-demand hours are apart in EC2's usage types"
        )

    def transfer_by_usage_type(self, tok: Token) -> bool:
        """`inter-region`, `cross-AZ`: transfer between places, which the bill tells apart only in its usage types
        (`USE1-EUW1-AWS-Out-Bytes`, `USE1-DataTransfer-Regional-Bytes`): data transfer by usage type, said; False
        when the bill holds no data transfer service."""
        transfer = self.vocabulary.meanings("data transfer")
        if not transfer:
            return False
        if not any(b.meanings == tuple(transfer) for b in self.out.bare):
            self.out.bare.append(Bare(tok.text, tuple(transfer), self.out.excluding))
        self.out.named.append(DimensionRef(Dimension.USAGE_TYPE))
        self.out.readings.append(
            f"`{tok.text}`: the bill tells transfer between places apart only in its usage types; answered with "
            "data transfer by usage type."
        )
        self.i += 1
        return True

    def ec2_by_usage_type(self, tok: Token, why: str) -> bool:
        """`tok` answered as EC2 by usage type (`GPUs` on a bill without GPU instances, `EC2-Other`), said with
        `why`; False when the bill holds no EC2."""
        return self.service_by_usage_type(tok, "ec2", why)

    def service_by_usage_type(self, tok: Token, service: str, why: str) -> bool:
        """`tok` answered as `service` by usage type, where what it names would show (`glacier`: S3's usage
        types), said with `why`; False when the bill holds no such service."""
        meanings = self.vocabulary.meanings(service)
        if not meanings:
            return False
        said = service.upper()
        if DimensionRef(Dimension.USAGE_TYPE) in self.out.named and any(
            b.meanings == tuple(meanings) for b in self.out.bare
        ):
            self.i += 1  # `ebs volumes`: the word before it said so
            return True
        self.out.bare.append(Bare(tok.text, tuple(meanings), self.out.excluding))
        self.out.named.append(DimensionRef(Dimension.USAGE_TYPE))
        self.out.readings.append(f"`{tok.text}`: {why}; answered with {said} by usage type.")
        self.i += 1
        return True
