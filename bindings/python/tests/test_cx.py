"""The cx Python package over libcx.so: unittest, run by `make check-python`
with CX_LIBRARY pointing at build/libcx.so.0 and the package on PYTHONPATH."""
import decimal
import doctest
import os
import pathlib
import tempfile
import threading
import unittest
from fractions import Fraction

import cx

ROOT = pathlib.Path(__file__).resolve().parents[3]


class Run(unittest.TestCase):
    def test_inputs_and_exact_values(self):
        r = cx.run("fv = principal * (1 + rate) ^ years; check fv > principal;",
                   inputs={"principal": "1k", "rate": Fraction(2, 25), "years": 2})
        self.assertTrue(r.ok)
        self.assertEqual(r.values["fv"], Fraction(5832, 5))
        self.assertIsInstance(r.values["fv"], Fraction)
        self.assertNotIsInstance(r.values["fv"], cx.Approx)
        self.assertEqual((r.passed, r.failed), (1, 0))
        self.assertTrue(r.checks[0].passed)

    def test_every_kind_of_input(self):
        r = cx.run("x = 1;", inputs={
            "d": decimal.Decimal("0.085"), "f": 0.1, "i": -7, "b": True,
            "p": cx.Period("2025Q3"), "s": cx.quote('say "hi"\n'), "l": [1, "2.5%", [False]],
            "big": "4.8B", "neg": Fraction(-1, 3)})
        self.assertTrue(r.ok, r.errors)
        v = r.values
        self.assertEqual(v["d"], Fraction(17, 200))
        self.assertEqual(v["f"], Fraction(1, 10))  # the decimal the float shows
        self.assertEqual(v["i"], -7)
        self.assertIs(v["b"], True)
        self.assertEqual(v["p"], "2025Q3")
        self.assertEqual((v["p"].frequency, v["p"].year, v["p"].part), ("quarter", 2025, 3))
        self.assertEqual(v["s"], 'say "hi"\n')
        self.assertEqual(v["l"], [1, Fraction(1, 40), [False]])
        self.assertEqual(v["big"], 4_800_000_000)
        self.assertEqual(v["neg"], Fraction(-1, 3))

    def test_a_bad_input_stops_before_the_script(self):
        r = cx.run("print 1;", inputs={"rate": "8x"})
        self.assertEqual(r.status, 2)
        self.assertEqual(r.outputs, [])
        e = r.errors[0]
        self.assertEqual((e.code, e.file, e.line, e.col), ("syntax-bad-number", "<input rate>",
                                                            1, 1))
        self.assertIn("<input rate>:1:1: error:", e.rendered)
        r = cx.run("print 1;", inputs={"rate": "base + 1"})
        self.assertEqual(r.errors[0].code, "type-input")
        r = cx.run("print 1;", inputs={"check": 1})
        self.assertEqual(r.errors[0].code, "name-bad-input")

    def test_inputs_python_cannot_express(self):
        with self.assertRaises(ValueError):
            cx.literal(float("nan"))
        with self.assertRaises(TypeError):
            cx.literal({"a": 1})

    def test_approximate_numbers_say_so(self):
        r = cx.run("r = sqrt(2); y = irr([-100, 60, 60]);")
        self.assertIsInstance(r.values["r"], cx.Approx)
        self.assertAlmostEqual(float(r.values["r"]), 2 ** 0.5, places=15)
        self.assertEqual(r.values["r"].denominator & (r.values["r"].denominator - 1), 0)
        self.assertIsInstance(r.values["y"], cx.Approx)

    def test_series_lists_periods_and_text_kinds(self):
        r = cx.run('rev 2024Q4..2025Q1 = [10B, 11B / 3]; l = [1, "a", 2025-06-30]; '
                   'rg = 1..10 step 3; fn f(x) = x;')
        s = r.values["rev"]
        self.assertIsInstance(s, cx.Series)
        self.assertEqual(s.frequency, "quarter")
        self.assertEqual(list(s), ["2024Q4", "2025Q1"])
        self.assertEqual(s["2025Q1"], Fraction(11_000_000_000, 3))
        self.assertEqual(r.values["l"][2].frequency, "day")
        self.assertEqual(r.values["rg"], cx.Opaque("range", "1..10 step 3"))
        self.assertEqual(r.values["f"].kind, "function")

    def test_units_and_bounds_are_never_dropped(self):
        r = cx.run('unit employee; pay = 200k USD/employee/yr; n = 3 employee; '
                   'g = 8% to 12%; fcf 2025Q1..2025Q2 = [1B USD/qtr, 2B USD/qtr];')
        self.assertEqual(r.values["pay"], cx.Quantity(Fraction(200_000), "USD/employee/yr"))
        self.assertEqual(r.values["g"], cx.Opaque("bound", "0.08 to 0.12"))
        self.assertEqual(r.values["fcf"].unit, "USD/qtr")
        self.assertEqual(r.values["fcf"]["2025Q2"], Fraction(2_000_000_000))

    def test_outputs_come_in_order(self):
        r = cx.run('x = 1/3; x; print "hi", x; check x ~ 0.33; '
                   'table g in [1%, 2%]: g * 100, g > 1%;')
        self.assertEqual([o.kind for o in r.outputs], ["value", "print", "check", "table"])
        value, printed, check, table = r.outputs
        self.assertEqual(value.text, "x = 0.3333333333\u2026")
        self.assertEqual(printed.text, "hi 0.3333333333\u2026")
        self.assertEqual((check.value_text, check.rhs_text), ("0.3333333333\u2026", "0.33"))
        self.assertEqual(table.text.splitlines()[0], "   g | g * 100 | g > 1%")

    def test_outputs_carry_their_values(self):
        r = cx.run('x = 1/3; x; check x ~ 0.33; table g in [1%, 2%]: g * 100, g > 1%;')
        value, check, table = r.outputs
        self.assertEqual(value.value, Fraction(1, 3))
        self.assertEqual((check.value, check.rhs), (Fraction(1, 3), Fraction(33, 100)))
        self.assertEqual(table.columns, ["g", "g * 100", "g > 1%"])
        self.assertEqual(table.rows, [[Fraction(1, 100), 1, False], [Fraction(1, 50), 2, True]])

    def test_charts_and_notes(self):
        r = cx.run('capex 2024..2025 = [83B, 125B]; chart bar capex title "Capex" as money; '
                   'pmt(6.5, 10, 1000);')
        self.assertEqual([o.kind for o in r.outputs], ["chart", "value", "note"])
        chart = r.outputs[0]
        self.assertEqual(chart.columns, ["capex"])
        self.assertEqual(chart.chart, {"style": "bar", "format": "money", "title": "Capex"})
        self.assertEqual(chart.text.splitlines()[0], "Capex")
        self.assertTrue(chart.svg.startswith("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        self.assertIn("<title id=\"cx-chart-1-title\">Capex</title>", chart.svg)

    def test_a_script_from_a_path(self):
        r = cx.run(ROOT / "examples" / "thesis.cx")
        self.assertEqual(r.status, 1)  # the article's claims do not all hold
        self.assertEqual(r.values["savings"], 6_000_000_000)
        self.assertGreater(r.failed, 0)
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "s.cx")
            with open(p, "w") as f:
                f.write("check 0.1 + 0.2 == 0.3;\n")
            self.assertTrue(cx.run(p).ok)

    def test_errors_of_a_run(self):
        r = cx.run("x = capx;", name="t.cx")
        self.assertEqual(r.status, 2)
        self.assertEqual((r.errors[0].code, r.errors[0].file), ("name-unknown", "t.cx"))


class StateTests(unittest.TestCase):
    def test_a_state_keeps_definitions(self):
        with cx.State(digits=4) as st:
            self.assertEqual(st.define("rate", "5%"), 0)
            self.assertEqual(st.run_string("a = rate * 2;"), 0)
            self.assertEqual(st.run_string("b = a + 1/3; b;"), 0)
            self.assertEqual(st["b"], Fraction(1, 10) + Fraction(1, 3))
            self.assertEqual(st.outputs[-1].text, "b = 0.4333\u2026")
            self.assertEqual(st.names(), ["rate", "a", "b"])
            self.assertIn("a", st)
            with self.assertRaises(KeyError):
                st["nope"]
            self.assertEqual(st.define("rate", "6%"), 2)
            self.assertEqual(st.errors()[0].code, "name-redefined")
        with self.assertRaises(ValueError):
            st.run_string("1;")

    def test_threads_run_states_at_once(self):
        scripts = ["x = sum([i^2 for i in 1..2000]) / 7;", "x = npv(8%, [-100, 10, 20, 30, 40, 50]);",
                   "x = 3^5000 / 2^7000;", "x = sqrt(3) * 10^20;"]
        alone = [cx.run(s).values["x"] for s in scripts]
        got = [[] for _ in scripts]

        def work(i):
            for _ in range(5):
                got[i].append(cx.run(scripts[i]).values["x"])

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(scripts))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for i, values in enumerate(got):
            self.assertEqual(values, [alone[i]] * 5)


def load_tests(loader, tests, ignore):
    tests.addTests(doctest.DocTestSuite(cx))
    return tests


if __name__ == "__main__":
    unittest.main()
