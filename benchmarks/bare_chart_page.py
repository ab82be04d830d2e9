"""The baseline page: a bare Streamlit script that draws one Altair chart."""

import altair as alt
import pandas as pd
import streamlit as st

data = pd.DataFrame(
    {"x": range(300), "y": [i % 17 for i in range(300)], "c": [f"g{i % 3}" for i in range(300)]}
)
st.altair_chart(alt.Chart(data).mark_bar().encode(x="x:Q", y="y:Q", color="c:N"))
